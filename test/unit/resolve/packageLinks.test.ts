import { expect } from 'chai';
import { wheelFitsPython310 } from '../../../generator/azure/packages.js';
import { packageLink, type PackageLink } from '../../../generator/resolve/packageLinks.js';

const GALLERY = 'https://www.powershellgallery.com/api/v2/package';
const WHEEL = 'https://files.pythonhosted.org/packages/f9/9b/335f9764261e915ed497fcdeb11df5dfd6f7bf257d4a6a2a686d80da4d54/requests-2.32.3-py3-none-any.whl';

const linked = (link: PackageLink): string => {
  if (!link.ok) throw new Error(`expected a link, got an error on ${link.key}: ${link.problem}`);
  return link.uri;
};
const refused = (link: PackageLink): string => {
  if (link.ok) throw new Error(`expected an error, got the link ${link.uri}`);
  return `${link.key}: ${link.problem}`;
};

describe('package links: a feed base or the package itself, by unambiguous rules', () => {
  describe('PowerShell modules', () => {
    it('GIVEN no uri THEN the PowerShell Gallery is the feed, with the version appended only when pinned', () => {
      expect(linked(packageLink('PowerShell', { name: 'Az.Accounts' }))).to.equal(`${GALLERY}/Az.Accounts`);
      expect(linked(packageLink('PowerShell', { name: 'Az.Accounts', version: '3.0.4' }))).to.equal(`${GALLERY}/Az.Accounts/3.0.4`);
    });

    it('GIVEN a feed base (with or without a trailing slash) THEN /<name>[/<version>] is appended', () => {
      expect(linked(packageLink('PowerShell', { name: 'Custom', uri: 'https://feed.example.com/api/v2/package/' }))).to.equal('https://feed.example.com/api/v2/package/Custom');
      // An Azure Artifacts feed ends with .../nuget/v2: `v2` is a path segment, not a package version.
      expect(linked(packageLink('PowerShell', { name: 'Custom', version: '1.2.0', uri: 'https://pkgs.dev.azure.com/contoso/_packaging/ops/nuget/v2' }))).to.equal(
        'https://pkgs.dev.azure.com/contoso/_packaging/ops/nuget/v2/Custom/1.2.0',
      );
    });

    it('GIVEN the full gallery link of the module THEN it is used as given, not .../Az.Accounts/Az.Accounts', () => {
      expect(linked(packageLink('PowerShell', { name: 'Az.Accounts', uri: `${GALLERY}/Az.Accounts` }))).to.equal(`${GALLERY}/Az.Accounts`);
      expect(linked(packageLink('PowerShell', { name: 'az.accounts', uri: `${GALLERY}/Az.Accounts/3.0.4`, version: '3.0.4' }))).to.equal(`${GALLERY}/Az.Accounts/3.0.4`);
    });

    it('GIVEN a .nupkg or .zip file link (a SAS query string included) THEN it is used as given', () => {
      const nupkg = 'https://psg-prod-eastus.azureedge.net/packages/az.accounts.2.12.4.nupkg';
      expect(linked(packageLink('PowerShell', { name: 'Az.Accounts', uri: nupkg, version: '2.12.4' }))).to.equal(nupkg);
      const zip = 'https://stops.blob.core.windows.net/modules/OpsTools.zip?sv=2024-11-04&sig=abc';
      expect(linked(packageLink('PowerShell', { name: 'OpsTools', uri: zip }))).to.equal(zip);
    });

    it('GIVEN a link whose intent armgen cannot know THEN it is an error naming the key to fix', () => {
      // the module's own link plus a version: append it, or not?
      expect(refused(packageLink('PowerShell', { name: 'Az.Accounts', uri: `${GALLERY}/Az.Accounts`, version: '3.0.4' }))).to.match(/^version: .*cannot tell whether version 3\.0\.4 belongs in it/);
      // the link pins another version
      expect(refused(packageLink('PowerShell', { name: 'Az.Accounts', uri: `${GALLERY}/Az.Accounts/2.12.1`, version: '3.0.4' }))).to.match(/^version: version 3\.0\.4 differs from the version 2\.12\.1/);
      // the link is another package's
      expect(refused(packageLink('PowerShell', { name: 'Az.Accounts', uri: `${GALLERY}/Az.Account/2.12.1` }))).to.match(/^uri: .*package 'Az\.Account' version 2\.12\.1, not to 'Az\.Accounts'/);
      // a file of another module, a file of another version, a Python file
      expect(refused(packageLink('PowerShell', { name: 'Az.Accounts', uri: 'https://x.example.com/az.keyvault.6.2.0.nupkg' }))).to.match(/^name: /);
      expect(refused(packageLink('PowerShell', { name: 'Az.Accounts', uri: 'https://x.example.com/az.accounts.2.12.4.nupkg', version: '3.0.4' }))).to.match(/^version: version 3\.0\.4 is not the version of az\.accounts\.2\.12\.4\.nupkg/);
      expect(refused(packageLink('PowerShell', { name: 'requests', uri: WHEEL }))).to.match(/^uri: requests-2\.32\.3-py3-none-any\.whl is a Python package file/);
      // a feed base with a query string: where would /<name> go?
      expect(refused(packageLink('PowerShell', { name: 'OpsTools', uri: 'https://stops.blob.core.windows.net/modules?sv=1' }))).to.match(/^uri: .*query string/);
    });
  });

  describe('Python packages', () => {
    it('GIVEN the link to a wheel THEN it is used as given, not .../requests-2.32.3-py3-none-any.whl/requests', () => {
      expect(linked(packageLink('Python', { name: 'requests', uri: WHEEL }))).to.equal(WHEEL);
      expect(linked(packageLink('Python', { name: 'requests', uri: WHEEL, version: '2.32.3' }))).to.equal(WHEEL);
      // wheels spell the distribution's hyphens as underscores (PEP 503 names compare equal)
      expect(linked(packageLink('Python', { name: 'azure-identity', uri: 'https://x.example.com/azure_identity-1.17.1-py3-none-any.whl' }))).to.equal(
        'https://x.example.com/azure_identity-1.17.1-py3-none-any.whl',
      );
    });

    it('GIVEN a folder URL and the wheel file as name (AVM style) THEN the file name is appended', () => {
      expect(linked(packageLink('Python', { name: 'geniz-0.0.1-py3-none-any.whl', uri: 'https://files.pythonhosted.org/packages/8f/4b/c61bb7b1' }))).to.equal(
        'https://files.pythonhosted.org/packages/8f/4b/c61bb7b1/geniz-0.0.1-py3-none-any.whl',
      );
    });

    it('GIVEN no uri, a base with a plain name, a NuGet file or another package THEN it is an error, never the PowerShell Gallery', () => {
      expect(refused(packageLink('Python', { name: 'requests' }))).to.match(/^uri: Python package 'requests' needs uri/);
      expect(refused(packageLink('Python', { name: 'requests', uri: 'https://pypi.example.org/packages' }))).to.match(/^uri: .*does not link a Python package file/);
      expect(refused(packageLink('Python', { name: 'requests', uri: 'https://x.example.com/az.accounts.2.12.4.nupkg' }))).to.match(/^uri: .*is a PowerShell package file/);
      expect(refused(packageLink('Python', { name: 'urllib3', uri: WHEEL }))).to.match(/^name: uri links the file requests-2\.32\.3/);
      expect(refused(packageLink('Python', { name: 'requests', uri: WHEEL, version: '2.31.0' }))).to.match(/^version: /);
    });
  });

  describe('wheels for Python 3.10 ("use .whl files targeting cp310 Linux OS")', () => {
    it('GIVEN pure, cp310 Linux and abi3 wheels THEN they fit; Windows, macOS and cp38 wheels do not', () => {
      expect(wheelFitsPython310('requests-2.32.3-py3-none-any.whl').fits).to.equal(true);
      expect(wheelFitsPython310('six-1.16.0-py2.py3-none-any.whl').fits).to.equal(true);
      expect(wheelFitsPython310('pyyaml-6.0.2-cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64.whl').fits).to.equal(true);
      expect(wheelFitsPython310('cryptography-43.0.1-cp37-abi3-manylinux_2_28_x86_64.whl').fits).to.equal(true);
      expect(wheelFitsPython310('pyyaml-6.0.2-cp310-cp310-win_amd64.whl')).to.deep.equal({ fits: false, why: 'targets win_amd64, not Linux x86-64' });
      expect(wheelFitsPython310('pyyaml-6.0.2-cp38-cp38-manylinux1_x86_64.whl')).to.deep.equal({ fits: false, why: 'targets cp38, not Python 3.10' });
      expect(wheelFitsPython310('pyyaml-6.0.2-cp310-cp310-manylinux_2_17_aarch64.whl').fits).to.equal(false);
    });
  });
});

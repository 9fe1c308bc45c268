import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { runCli } from '../../generator/cli.js';
import { repoRoot } from '../support/paths.js';

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } };
}

const example = (name: string) => join(repoRoot, 'out', name, 'azuredeploy.json');

describe('armgen import (CLI)', () => {
  it('prints the config on stdout with the schema modeline and exits 0', async () => {
    const { out, io } = capture();
    const code = await runCli(['import', example('system-vm')], io);
    expect(code).to.equal(0);
    expect(out.stdout).to.match(/^# yaml-language-server: \$schema=\S+\n/);
    expect(out.stdout).to.include('role: Virtual Machine Contributor');
  });

  it('writes --out, then refuses to overwrite it without --force and replaces it with --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'armgen-import-'));
    const target = join(dir, 'vm.yaml');
    expect(await runCli(['import', example('system-vm'), '--out', target], capture().io)).to.equal(0);
    const first = readFileSync(target, 'utf8');
    writeFileSync(target, 'mine\n');
    const { out, io } = capture();
    // WHEN the file exists THEN exit 2, the file untouched
    expect(await runCli(['import', example('system-vm'), '--out', target], io)).to.equal(2);
    expect(out.stderr).to.include('error AG600: already exists');
    expect(readFileSync(target, 'utf8')).to.equal('mine\n');
    expect(await runCli(['import', example('system-vm'), '--out', target, '--force'], capture().io)).to.equal(0);
    expect(readFileSync(target, 'utf8')).to.equal(first);
    expect(readdirSync(dir)).to.deep.equal(['vm.yaml']);
  });

  it('exits 2 and writes nothing when the template has a construct without an equivalent', async () => {
    // GIVEN maximal's template with a key armgen never writes under the account's encryption
    const source = mkdtempSync(join(tmpdir(), 'armgen-import-src-'));
    const edited = JSON.parse(readFileSync(example('maximal'), 'utf8')) as { resources: { properties: { encryption: Record<string, unknown> } }[] };
    edited.resources[1]!.properties.encryption.requireInfrastructureEncryption = true;
    writeFileSync(join(source, 'azuredeploy.json'), JSON.stringify(edited, null, 2));
    const dir = mkdtempSync(join(tmpdir(), 'armgen-import-'));
    const target = join(dir, 'max.yaml');
    const { out, io } = capture();
    expect(await runCli(['import', join(source, 'azuredeploy.json'), '--out', target], io)).to.equal(2);
    expect(out.stderr).to.match(/azuredeploy\.json:\d+:\d+: error AG910: resources\[1\]\.properties\.encryption\.requireInfrastructureEncryption: 'requireInfrastructureEncryption' of the account encryption has no armgen equivalent/);
    expect(existsSync(target)).to.equal(false);
    expect(readdirSync(dir)).to.deep.equal([]);
  });

  it('names each runbook file the config links with file: and the user must place next to it', async () => {
    // GIVEN a template whose runbook links a staged script, copied alone to a folder (no runbooks/ beside it)
    const dir = mkdtempSync(join(tmpdir(), 'armgen-import-'));
    const template = join(dir, 'azuredeploy.json');
    const source = JSON.parse(readFileSync(example('maximal'), 'utf8')) as { parameters: Record<string, unknown>; resources: Record<string, unknown>[] };
    const parameters = Object.fromEntries(['automationAccountName', 'location', '_artifactsLocation', '_artifactsLocationSasToken'].map((n) => [n, source.parameters[n]]));
    const keep = (r: Record<string, unknown>) => r.type === 'Microsoft.Automation/automationAccounts' || (r.type === 'Microsoft.Automation/automationAccounts/runbooks' && String(r.name).includes("'Get-Inventory'"));
    const account = source.resources.find((r) => r.type === 'Microsoft.Automation/automationAccounts')!;
    account.identity = undefined;
    account.tags = undefined;
    account.properties = { disableLocalAuth: true, sku: { name: 'Basic' } };
    writeFileSync(template, JSON.stringify({ ...source, parameters, resources: source.resources.filter(keep).map((r) => ({ ...r, dependsOn: undefined })), outputs: {} }, null, 2));
    const { out, io } = capture();
    // WHEN imported THEN exit 0, and stderr says which file to place where
    expect(await runCli(['import', template, '--out', join(dir, 'aa.yaml')], io)).to.equal(0, out.stderr);
    expect(out.stderr).to.include(`armgen: note: runbook file: place runbooks/Get-Inventory.ps1 in ${dir} (the config names it with file: runbooks/Get-Inventory.ps1; not found next to the template)`);
    expect(readFileSync(join(dir, 'aa.yaml'), 'utf8')).to.include('file: runbooks/Get-Inventory.ps1');
  });

  it('reports a template that is not JSON as AG101 with its position', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'armgen-import-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{\n  "resources": [\n}\n');
    const { out, io } = capture();
    expect(await runCli(['import', bad], io)).to.equal(2);
    expect(out.stderr).to.match(/bad\.json:3:1: error AG101: not valid JSON/);
    expect(out.stdout).to.equal('');
  });
});

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { repoRoot } from '../paths.js';
import { argOf, type AzCall } from './workflows.js';

export interface DeployTarget {
  readonly config: string;
  readonly parameterFile: string;
  readonly resourceGroup: string;
}

const exists = (rel: string) => existsSync(join(repoRoot, rel));

/**
 * What one environment's deploy job must have asked of Azure, in order: upload out/NAME/runbooks/ to the blob
 * folder the parameter file's _artifactsLocation names (so the template's `uri(_artifactsLocation,
 * 'runbooks/<file>')` finds each file), then what-if and create with the committed template and that
 * environment's parameter file, both of which exist in the repository.
 */
export function expectDeployment(calls: readonly AzCall[], target: DeployTarget): void {
  const out = `out/${target.config}`;
  const parameters = `${out}/${target.parameterFile}`;
  expect(exists(`${out}/azuredeploy.json`), `${out}/azuredeploy.json exists`).to.equal(true);
  expect(exists(parameters), `${parameters} exists`).to.equal(true);
  expect(calls.map((c) => c.slice(0, 3).join(' '))).to.deep.equal(['storage blob upload-batch', 'deployment group what-if', 'deployment group create']);

  const [upload, whatIf, create] = calls as [AzCall, AzCall, AzCall];
  const location = (JSON.parse(readFileSync(join(repoRoot, parameters), 'utf8')) as { parameters: { _artifactsLocation: { value: string } } }).parameters._artifactsLocation.value;
  const folder = argOf(upload, '--destination-path');
  expect(`https://${argOf(upload, '--account-name')}.blob.core.windows.net/${argOf(upload, '--destination')}/${folder ? `${folder}/` : ''}`).to.equal(location);
  expect(argOf(upload, '--source')).to.equal(out);
  expect(argOf(upload, '--pattern')).to.equal('runbooks/*');
  expect(argOf(upload, '--auth-mode')).to.equal('login');
  expect(statSync(join(repoRoot, out, 'runbooks')).isDirectory()).to.equal(true);
  expect(readdirSync(join(repoRoot, out, 'runbooks'))).not.to.be.empty;

  for (const call of [whatIf, create]) {
    expect(argOf(call, '--template-file')).to.equal(`${out}/azuredeploy.json`);
    expect(argOf(call, '--parameters')).to.equal(`@${parameters}`);
    expect(argOf(call, '--resource-group')).to.equal(target.resourceGroup);
    // a deployment name is at most 64 characters (Microsoft.Resources/deployments naming rules)
    expect(argOf(call, '--name')).to.match(/^armgen-[\w-]+$/).and.to.have.length.at.most(64);
  }
  expect(argOf(whatIf, '--name')).to.equal(argOf(create, '--name'));
}

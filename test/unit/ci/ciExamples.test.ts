import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parseDocument } from 'yaml';
import { repoRoot } from '../../support/paths.js';

type Json = Record<string, unknown>;
interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly task?: string;
  readonly script?: string;
  readonly with?: Json;
  readonly inputs?: Json;
}

/** Parse a YAML file strictly: any syntax error or duplicate key fails the test. */
function load(rel: string): Json {
  const doc = parseDocument(readFileSync(join(repoRoot, rel), 'utf8'), { uniqueKeys: true, prettyErrors: true });
  expect(doc.errors.map((e) => e.message), `${rel} is not valid YAML`).to.deep.equal([]);
  expect(doc.warnings.map((e) => e.message)).to.deep.equal([]);
  return doc.toJS() as Json;
}

describe('CI examples (examples/ci/)', () => {
  describe('GitHub Actions workflow', () => {
    const wf = () => load('examples/ci/github-actions.yml');
    const jobs = () => wf().jobs as Record<string, { steps: Step[]; needs?: string | string[]; permissions?: Json }>;

    it('is valid YAML with a check job and a deploy job', () => {
      expect(Object.keys(jobs())).to.deep.equal(['check', 'deploy']);
    });

    it('installs armgen with npm ci and fails the build on drift with armgen check', () => {
      const runs = jobs().check?.steps.map((s) => s.run ?? '') ?? [];
      expect(runs).to.include('npm ci');
      expect(runs).to.include("npx armgen check 'configs/**/*.yaml'");
      const check = jobs().check?.steps.find((s) => s.run?.includes('armgen check')) as Json;
      expect(check).not.to.have.property('continue-on-error');
    });

    it('uploads the SARIF of armgen validate to code scanning', () => {
      const steps = jobs().check?.steps ?? [];
      expect(steps.map((s) => s.run)).to.include('npx armgen validate --diagnostics-format sarif configs > armgen.sarif');
      const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
      expect(upload?.with?.sarif_file).to.equal('armgen.sarif');
      expect(jobs().check?.permissions?.['security-events']).to.equal('write');
    });

    it('deploys with az deployment group create after the check job, signed in with OIDC', () => {
      const deploy = jobs().deploy;
      expect(deploy?.needs).to.equal('check');
      expect(deploy?.permissions?.['id-token']).to.equal('write');
      const login = deploy?.steps.find((s) => s.uses?.startsWith('azure/login@'));
      expect(login?.with).to.include.keys('client-id', 'tenant-id', 'subscription-id');
      expect(login?.with).not.to.have.property('creds');
      const az = deploy?.steps.find((s) => s.run?.includes('az deployment group create'))?.run ?? '';
      expect(az).to.match(/--template-file "out\/\$\{CONFIG\}\/azuredeploy\.json"/);
      expect(az).to.match(/--parameters "@out\/\$\{CONFIG\}\/azuredeploy\.parameters\.prod\.json"/);
      expect(az).to.include('--resource-group');
    });
  });

  describe('Azure Pipelines YAML', () => {
    const pipeline = () => load('examples/ci/azure-pipelines.yml');
    const jobs = () => pipeline().jobs as { job: string; steps: Step[]; dependsOn?: string; condition?: string }[];

    it('is valid YAML with a check job and a deploy job', () => {
      expect(jobs().map((j) => j.job)).to.deep.equal(['check', 'deploy']);
    });

    it('installs armgen with npm ci, publishes SARIF and fails the run on drift with armgen check', () => {
      const check = jobs()[0] as { steps: Step[] };
      const scripts = check.steps.map((s) => s.script ?? '');
      expect(scripts).to.include('npm ci');
      expect(scripts).to.include("npx armgen check 'configs/**/*.yaml'");
      expect(scripts.some((s) => s.includes('npx armgen validate --diagnostics-format sarif configs >'))).to.equal(true);
      expect(check.steps.map((s) => s.task)).to.include('PublishBuildArtifacts@1');
    });

    it('deploys with New-AzResourceGroupDeployment in AzurePowerShell@5 after the check job', () => {
      const deploy = jobs()[1];
      expect(deploy?.dependsOn).to.equal('check');
      expect(deploy?.condition).to.include('succeeded()');
      const ps = deploy?.steps.find((s) => s.task === 'AzurePowerShell@5');
      const inline = String(ps?.inputs?.Inline ?? '');
      expect(inline).to.include('New-AzResourceGroupDeployment');
      expect(inline).to.include('-TemplateFile "out/$name/azuredeploy.json"');
      expect(inline).to.include('-TemplateParameterFile "out/$name/azuredeploy.parameters.prod.json"');
      expect(ps?.inputs).to.include.keys('azureSubscription', 'azurePowerShellVersion');
    });
  });
});

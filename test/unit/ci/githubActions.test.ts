import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect } from 'chai';
import fg from 'fast-glob';
import semver from 'semver';
import { expectDeployment } from '../../support/ci/deployment.js';
import { expand, expandAll, loadYaml, runWithFakeAz, type Json } from '../../support/ci/workflows.js';
import { repoRoot } from '../../support/paths.js';

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Json;
  readonly if?: string;
  readonly 'continue-on-error'?: boolean;
}
interface Job {
  readonly steps?: Step[];
  readonly needs?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly with?: Record<string, string>;
  readonly permissions?: Json;
  readonly env?: Record<string, string>;
}
interface Workflow {
  readonly on: Json;
  readonly env?: Record<string, string>;
  readonly jobs: Record<string, Job>;
}

// @action-validator/core: the SchemaStore github-workflow schema compiled to WebAssembly (GPL-3.0, test-only).
const { validateWorkflow } = createRequire(import.meta.url)('@action-validator/core') as { validateWorkflow: (src: string) => { errors: unknown[] } };

const CALLER = 'examples/ci/github-actions.yml';
const DEPLOY = 'examples/ci/github-actions-deploy.yml';
const caller = () => loadYaml(CALLER) as unknown as Workflow;
const deploy = () => loadYaml(DEPLOY) as unknown as Workflow;
const header = (rel: string) => readFileSync(join(repoRoot, rel), 'utf8');

/**
 * The newest major of each action as of 2026-11 (release tags: actions/checkout v7.0.1 2026-07, actions/setup-node
 * v7.0.0 2026-07, azure/login v3.0.x 2026, github/codeql-action v4.37.x 2026-08; codeql-action v3 is deprecated
 * in 2026-12).
 */
const CURRENT_MAJORS: Readonly<Record<string, string>> = {
  'actions/checkout': 'v7',
  'actions/setup-node': 'v7',
  'azure/login': 'v3',
  'github/codeql-action/upload-sarif': 'v4',
};

describe('GitHub Actions example (examples/ci/github-actions*.yml)', () => {
  it('both workflows are valid for the SchemaStore github-workflow schema', () => {
    for (const rel of [CALLER, DEPLOY]) expect(validateWorkflow(header(rel)).errors, rel).to.deep.equal([]);
  });

  it('the validator can fail: a misspelt key is reported', () => {
    const broken = header(CALLER).replace('runs-on: ubuntu-latest', 'run-on: ubuntu-latest');
    expect(validateWorkflow(broken).errors).not.to.be.empty;
  });

  it('uses the current major of every action, and a Node.js that package.json engines allows and that is not end of life', () => {
    const uses = [caller(), deploy()].flatMap((w) => Object.values(w.jobs).flatMap((j) => j.steps ?? [])).flatMap((s) => (s.uses ? [s.uses] : []));
    for (const use of uses) {
      const [name, version] = use.split('@') as [string, string];
      expect(version, use).to.equal(CURRENT_MAJORS[name]);
    }
    expect(new Set(uses.map((u) => u.split('@')[0]))).to.have.keys(Object.keys(CURRENT_MAJORS));
    const setupNode = caller().jobs.check?.steps?.find((s) => s.uses?.startsWith('actions/setup-node@'));
    const node = String(setupNode?.with?.['node-version']);
    expect(node).to.equal('24'); // Node.js 20 reached end of life on 2026-04-30
    const engines = (JSON.parse(header('package.json')) as { engines: { node: string } }).engines.node;
    expect(semver.satisfies(`${node}.0.0`, engines), `Node.js ${node} is within engines ${engines}`).to.equal(true);
  });

  it('checks every push and pull request: npm ci, check and lint as SARIF for code scanning, then fails on drift or findings', () => {
    const wf = caller();
    expect(wf.on).to.have.keys('push', 'pull_request', 'workflow_dispatch');
    const check = wf.jobs.check!;
    expect(check.permissions?.['security-events']).to.equal('write');
    const runs = check.steps!.map((s) => s.run ?? '');
    expect(runs).to.include('npm ci');
    expect(runs).to.include('npx armgen check "$ARMGEN_CONFIGS" --diagnostics-format sarif > armgen-check.sarif');
    expect(runs).to.include('npx armgen lint "$ARMGEN_CONFIGS" --strict --diagnostics-format sarif > armgen-lint.sarif');
    const uploads = check.steps!.filter((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(uploads.map((u) => [u.with?.sarif_file, u.with?.category])).to.deep.equal([
      ['armgen-check.sarif', 'armgen-check'],
      ['armgen-lint.sarif', 'armgen-lint'],
    ]);
    for (const u of uploads) expect(u.if).to.include('always()');
    const last = check.steps!.at(-1)!;
    expect(last.run).to.include('npx armgen check "$ARMGEN_CONFIGS" || status=1').and.to.include('npx armgen lint "$ARMGEN_CONFIGS" --strict || status=1');
    expect(last).not.to.have.property('continue-on-error');
  });

  it('names configs that exist: the ARMGEN_CONFIGS glob matches the example configs', async () => {
    const glob = caller().env!.ARMGEN_CONFIGS!;
    expect(await fg(glob, { cwd: repoRoot })).to.include('examples/maximal.yaml');
  });

  it('deploys on main only, test before prod, through the reusable workflow the header says to copy', () => {
    const { jobs } = caller();
    expect(Object.keys(jobs)).to.deep.equal(['check', 'deploy-test', 'deploy-prod']);
    expect(jobs['deploy-test']?.needs).to.equal('check');
    expect(jobs['deploy-test']?.if).to.include("github.ref == 'refs/heads/main'").and.to.include("github.event_name != 'pull_request'");
    expect(jobs['deploy-prod']?.needs).to.equal('deploy-test');
    for (const name of ['deploy-test', 'deploy-prod']) {
      expect(jobs[name]?.uses).to.equal('./.github/workflows/armgen-deploy.yml');
      expect(jobs[name]?.permissions?.['id-token']).to.equal('write');
    }
    expect(header(DEPLOY)).to.include('Copy this file to .github/workflows/armgen-deploy.yml');
    expect(header(CALLER)).to.include('github-actions-deploy.yml to .github/workflows/armgen-deploy.yml');
    expect(Object.keys((deploy().on.workflow_call as { inputs: Json }).inputs)).to.deep.equal(['environment', 'config', 'parameter-file']);
  });

  it('signs in with OIDC (no stored client secret) in the GitHub environment it deploys to', () => {
    const job = deploy().jobs.deploy!;
    expect((job as Json).environment).to.equal('${{ inputs.environment }}');
    const login = job.steps!.find((s) => s.uses?.startsWith('azure/login@'));
    expect(login?.with).to.have.keys('client-id', 'tenant-id', 'subscription-id');
  });

  for (const environment of ['test', 'prod']) {
    it(`for ${environment}: uploads the runbooks where the template links them, then what-if and deploy with ${environment}'s parameter file`, () => {
      // GIVEN the caller's inputs for the environment and the deploy job's scripts
      const call = caller().jobs[`deploy-${environment}`]!;
      const job = deploy().jobs.deploy!;
      const values = {
        ...Object.fromEntries(Object.entries(call.with!).map(([k, v]) => [`inputs.${k}`, String(v)])),
        'vars.AZURE_RESOURCE_GROUP': `rg-automation-${environment}`,
        'github.run_id': '16188532911',
        'github.run_attempt': '2',
      };
      // WHEN they run against a fake az
      const scripts = job.steps!.flatMap((s) => (s.run ? [expand(s.run, values)] : []));
      const calls = runWithFakeAz(scripts, expandAll(job.env!, values));
      // THEN Azure is asked for exactly the upload, the preview and the deployment of the committed files
      expectDeployment(calls, { config: call.with!.config!, parameterFile: call.with!['parameter-file']!, resourceGroup: `rg-automation-${environment}` });
    });
  }
});

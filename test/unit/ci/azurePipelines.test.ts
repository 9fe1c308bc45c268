import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { expect } from 'chai';
import fg from 'fast-glob';
import semver from 'semver';
import { azurePipelinesSchema, KNOWN_TASKS } from '../../support/ci/azurePipelinesSchema.js';
import { expectDeployment } from '../../support/ci/deployment.js';
import { expand, expandAll, loadYaml, runWithFakeAz, type Json } from '../../support/ci/workflows.js';
import { repoRoot } from '../../support/paths.js';

interface Step {
  readonly task?: string;
  readonly bash?: string;
  readonly inputs?: Record<string, string>;
  readonly env?: Record<string, string>;
  readonly condition?: string;
  readonly continueOnError?: boolean;
}
interface Stage {
  readonly stage: string;
  readonly dependsOn?: string;
  readonly condition?: string;
  readonly jobs: { job?: string; template?: string; steps?: Step[]; parameters?: Record<string, string> }[];
}
interface DeploymentJob {
  readonly variables: Record<string, string>;
  readonly environment: string;
  readonly strategy: { runOnce: { deploy: { steps: Step[] } } };
}

const PIPELINE = 'examples/ci/azure-pipelines.yml';
const TEMPLATE = 'examples/ci/azure-pipelines-deploy.yml';
const pipeline = () => loadYaml(PIPELINE) as unknown as { trigger: Json; pr: Json; variables: Record<string, string>; stages: Stage[] };
const validate = new Ajv({ allErrors: true, strictTypes: false }).compile(azurePipelinesSchema);

describe('Azure Pipelines example (examples/ci/azure-pipelines*.yml)', () => {
  it('the pipeline and its deploy template match the Azure Pipelines YAML schema (the subset the examples use)', () => {
    for (const rel of [PIPELINE, TEMPLATE]) {
      validate(loadYaml(rel));
      expect(validate.errors ?? [], rel).to.deep.equal([]);
    }
  });

  it('the schema can fail: an unknown key, an unknown task and a missing required task input are reported', () => {
    const check = pipeline().stages[0]!.jobs[0]!;
    const broken = (step: Json) => ({ stages: [{ stage: 'a', jobs: [{ job: 'b', steps: [step] }] }] });
    expect(validate(broken({ bash: 'x', displayname: 'typo' }))).to.equal(false);
    expect(validate(broken({ task: 'NodeTool@0', inputs: { versionSpec: '24.x' } }))).to.equal(false);
    expect(validate(broken({ task: 'AzureCLI@2', inputs: { azureSubscription: 'c', scriptType: 'bash', scriptLocation: 'inlineScript' } }))).to.equal(false);
    expect(check.steps).not.to.be.empty;
  });

  it('runs on main and on pull requests to main, with Node.js 24 that package.json engines allows', () => {
    const p = pipeline();
    expect(p.trigger).to.deep.equal({ branches: { include: ['main'] } });
    expect(p.pr).to.deep.equal({ branches: { include: ['main'] } });
    const useNode = p.stages[0]!.jobs[0]!.steps!.find((s) => s.task === 'UseNode@1');
    expect(useNode?.inputs?.version).to.equal('24.x'); // Node.js 20 reached end of life on 2026-04-30
    const engines = (loadYaml('package.json') as { engines: { node: string } }).engines.node;
    expect(semver.satisfies('24.0.0', engines)).to.equal(true);
    expect(KNOWN_TASKS).to.include.members(['UseNode@1', 'AzureCLI@2', 'PublishBuildArtifacts@1']);
  });

  it('checks with npm ci, armgen check and lint as SARIF published as CodeAnalysisLogs, then fails on drift or findings', () => {
    const steps = pipeline().stages[0]!.jobs[0]!.steps!;
    expect(steps.map((s) => s.bash ?? s.task ?? '')).to.include('npm ci');
    const sarif = steps.find((s) => s.bash?.includes('--diagnostics-format sarif'))!;
    expect(sarif.bash).to.include('npx armgen check "$ARMGEN_CONFIGS" --diagnostics-format sarif > "$SARIF_DIR/armgen-check.sarif"');
    expect(sarif.bash).to.include('npx armgen lint "$ARMGEN_CONFIGS" --strict --diagnostics-format sarif > "$SARIF_DIR/armgen-lint.sarif"');
    expect(sarif.env?.SARIF_DIR).to.equal('$(Build.ArtifactStagingDirectory)/CodeAnalysisLogs');
    const publish = steps.find((s) => s.task === 'PublishBuildArtifacts@1')!;
    expect(publish.inputs).to.deep.equal({ PathtoPublish: sarif.env?.SARIF_DIR, ArtifactName: 'CodeAnalysisLogs' });
    expect(publish.condition).to.equal('succeededOrFailed()');
    const last = steps.at(-1)!;
    expect(last.bash).to.include('npx armgen check "$ARMGEN_CONFIGS" || status=1').and.to.include('npx armgen lint "$ARMGEN_CONFIGS" --strict || status=1');
    expect(last).not.to.have.property('continueOnError');
  });

  it('names configs and a template that exist', async () => {
    expect(await fg(pipeline().variables.ARMGEN_CONFIGS!, { cwd: repoRoot })).to.include('examples/maximal.yaml');
    for (const stage of pipeline().stages.slice(1)) {
      for (const job of stage.jobs) expect(existsSync(join(repoRoot, 'examples/ci', job.template!)), job.template).to.equal(true);
    }
  });

  it('deploys on main only, test before prod', () => {
    const [check, test, prod] = pipeline().stages;
    expect([check?.stage, test?.stage, prod?.stage]).to.deep.equal(['check', 'deploy_test', 'deploy_prod']);
    expect(test?.dependsOn).to.equal('check');
    expect(test?.condition).to.include("eq(variables['Build.SourceBranch'], 'refs/heads/main')").and.to.include("ne(variables['Build.Reason'], 'PullRequest')");
    expect(prod?.dependsOn).to.equal('deploy_test');
  });

  for (const [index, environment] of [[1, 'test'], [2, 'prod']] as const) {
    it(`for ${environment}: uploads the runbooks where the template links them, then what-if and deploy with ${environment}'s parameter file`, () => {
      // GIVEN the stage's template parameters and the template's deployment job
      const params = pipeline().stages[index]!.jobs[0]!.parameters!;
      const job = (loadYaml(TEMPLATE) as { jobs: DeploymentJob[] }).jobs[0]!;
      const values = { ...Object.fromEntries(Object.entries(params).map(([k, v]) => [`parameters.${k}`, v])), 'Build.BuildId': '4711', 'System.JobAttempt': '1' };
      expect(expand(job.environment, values)).to.equal(environment);
      // WHEN its Azure CLI scripts run against a fake az
      const steps = job.strategy.runOnce.deploy.steps.filter((s) => s.task === 'AzureCLI@2');
      for (const s of steps) expect(expand(s.inputs!.azureSubscription!, values)).to.equal(`armgen-${environment}`);
      const calls = runWithFakeAz(
        steps.map((s) => expand(s.inputs!.inlineScript!, values)),
        expandAll(job.variables, values),
      );
      // THEN Azure is asked for exactly the upload, the preview and the deployment of the committed files
      expectDeployment(calls, { config: params.config!, parameterFile: params.parameterFile!, resourceGroup: params.resourceGroup! });
    });
  }
});

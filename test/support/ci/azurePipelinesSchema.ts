/**
 * A JSON Schema for the part of Azure Pipelines YAML that armgen's examples use, written from Microsoft's YAML
 * schema reference (https://learn.microsoft.com/azure/devops/pipelines/yaml-schema/) and task reference
 * (https://learn.microsoft.com/azure/devops/pipelines/tasks/reference/). No npm package ships Microsoft's
 * service schema (azure-pipelines-vscode's service-schema.json), so this is the strict subset: every object
 * refuses keys the reference does not list, and a task must be one listed here with inputs its reference page
 * lists (required ones included). Add a task with its page's inputs before an example uses it.
 */
const stringMap = { type: 'object', additionalProperties: { type: 'string' } } as const;
const identifier = { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' } as const;
const stringOrList = { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] } as const;

/** trigger / pr: `none`, a branch list, or the full form (yaml-schema/trigger, yaml-schema/pr). */
const branchTrigger = {
  anyOf: [
    { const: 'none' },
    { type: 'array', items: { type: 'string' } },
    {
      type: 'object',
      additionalProperties: false,
      properties: {
        batch: { type: 'boolean' },
        autoCancel: { type: 'boolean' },
        drafts: { type: 'boolean' },
        branches: { $ref: '#/definitions/includeExclude' },
        paths: { $ref: '#/definitions/includeExclude' },
        tags: { $ref: '#/definitions/includeExclude' },
      },
    },
  ],
} as const;

/** Properties every step takes (yaml-schema/steps-task "Properties"). */
const stepCommon = {
  name: identifier,
  displayName: { type: 'string' },
  condition: { type: 'string' },
  continueOnError: { type: 'boolean' },
  enabled: { type: 'boolean' },
  env: stringMap,
  timeoutInMinutes: { type: 'integer' },
  retryCountOnTaskFailure: { type: 'integer' },
  target: { type: 'string' },
} as const;

/** One task's inputs: exactly those on its reference page. */
function taskStep(task: string, inputs: Record<string, unknown>, required: readonly string[] = [], extra: Record<string, unknown> = {}) {
  return {
    if: { properties: { task: { const: task } }, required: ['task'] },
    then: { properties: { inputs: { type: 'object', additionalProperties: false, properties: inputs, required, ...extra } }, ...(required.length ? { required: ['inputs'] } : {}) },
  };
}

const tasks = [
  // tasks/reference/use-node-v1
  taskStep('UseNode@1', { version: { type: 'string' }, checkLatest: { type: 'boolean' }, force32bit: { type: 'boolean' }, retryCountOnDownloadFails: { type: 'string' }, delayBetweenRetries: { type: 'string' } }),
  // tasks/reference/azure-cli-v2 (aliases: connectedServiceNameARM, scriptArguments, cwd)
  taskStep(
    'AzureCLI@2',
    {
      azureSubscription: { type: 'string' },
      scriptType: { enum: ['ps', 'pscore', 'batch', 'bash'] },
      scriptLocation: { enum: ['inlineScript', 'scriptPath'] },
      scriptPath: { type: 'string' },
      inlineScript: { type: 'string' },
      arguments: { type: 'string' },
      powerShellErrorActionPreference: { enum: ['stop', 'continue', 'silentlyContinue'] },
      addSpnToEnvironment: { type: 'boolean' },
      useGlobalConfig: { type: 'boolean' },
      workingDirectory: { type: 'string' },
      failOnStandardError: { type: 'boolean' },
      powerShellIgnoreLASTEXITCODE: { type: 'boolean' },
      visibleAzLogin: { type: 'boolean' },
      keepAzSessionActive: { type: 'boolean' },
    },
    ['azureSubscription', 'scriptType', 'scriptLocation'],
    { if: { properties: { scriptLocation: { const: 'inlineScript' } } }, then: { required: ['inlineScript'] }, else: { required: ['scriptPath'] } },
  ),
  // tasks/reference/publish-build-artifacts-v1
  taskStep('PublishBuildArtifacts@1', {
    PathtoPublish: { type: 'string' },
    ArtifactName: { type: 'string' },
    publishLocation: { enum: ['Container', 'FilePath'] },
    MaxArtifactSize: { type: 'integer' },
    TargetPath: { type: 'string' },
    Parallel: { type: 'boolean' },
    ParallelCount: { type: 'integer' },
    StoreAsTar: { type: 'boolean' },
  }),
];
export const KNOWN_TASKS: readonly string[] = tasks.map((t) => t.if.properties.task.const);

const step = {
  anyOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['task'],
      properties: { task: { enum: KNOWN_TASKS }, inputs: { type: 'object' }, ...stepCommon },
      allOf: tasks,
    },
    { type: 'object', additionalProperties: false, required: ['bash'], properties: { bash: { type: 'string' }, workingDirectory: { type: 'string' }, failOnStderr: { type: 'boolean' }, ...stepCommon } },
    { type: 'object', additionalProperties: false, required: ['script'], properties: { script: { type: 'string' }, workingDirectory: { type: 'string' }, failOnStderr: { type: 'boolean' }, ...stepCommon } },
    {
      type: 'object',
      additionalProperties: false,
      required: ['checkout'],
      properties: {
        checkout: { type: 'string' },
        clean: { type: 'boolean' },
        fetchDepth: { type: 'integer' },
        fetchTags: { type: 'boolean' },
        lfs: { type: 'boolean' },
        persistCredentials: { type: 'boolean' },
        submodules: { anyOf: [{ type: 'boolean' }, { const: 'recursive' }] },
        path: { type: 'string' },
        ...stepCommon,
      },
    },
  ],
} as const;

const pool = { anyOf: [{ type: 'string' }, { type: 'object', additionalProperties: false, properties: { name: { type: 'string' }, vmImage: { type: 'string' }, demands: stringOrList } }] } as const;
const variables = { anyOf: [stringMap, { type: 'array', items: { type: 'object', additionalProperties: false, properties: { name: { type: 'string' }, value: { type: 'string' }, readonly: { type: 'boolean' }, group: { type: 'string' }, template: { type: 'string' } } } }] } as const;
const jobCommon = { displayName: { type: 'string' }, dependsOn: stringOrList, condition: { type: 'string' }, continueOnError: { type: 'boolean' }, timeoutInMinutes: { type: 'integer' }, cancelTimeoutInMinutes: { type: 'integer' }, variables, pool, workspace: { type: 'object' }, templateContext: { type: 'object' } } as const;
const steps = { type: 'array', minItems: 1, items: step } as const;
const templateUse = { type: 'object', additionalProperties: false, required: ['template'], properties: { template: { type: 'string' }, parameters: { type: 'object' } } } as const;

/** jobs.job and jobs.deployment (yaml-schema/jobs-job, jobs-deployment, jobs-deployment-strategy-run-once). */
const job = {
  anyOf: [
    { type: 'object', additionalProperties: false, required: ['job', 'steps'], properties: { job: identifier, steps, strategy: { type: 'object' }, ...jobCommon } },
    {
      type: 'object',
      additionalProperties: false,
      required: ['deployment', 'environment', 'strategy'],
      properties: {
        deployment: identifier,
        environment: { anyOf: [{ type: 'string' }, { type: 'object', required: ['name'], properties: { name: { type: 'string' }, resourceName: { type: 'string' }, resourceType: { type: 'string' }, tags: { type: 'string' } }, additionalProperties: false }] },
        strategy: {
          type: 'object',
          additionalProperties: false,
          required: ['runOnce'],
          properties: {
            runOnce: {
              type: 'object',
              additionalProperties: false,
              required: ['deploy'],
              properties: Object.fromEntries(['preDeploy', 'deploy', 'routeTraffic', 'postRouteTraffic'].map((hook) => [hook, { type: 'object', additionalProperties: false, required: ['steps'], properties: { steps, pool } }])),
            },
          },
        },
        ...jobCommon,
      },
    },
    templateUse,
  ],
} as const;

const stage = {
  anyOf: [
    { type: 'object', additionalProperties: false, required: ['stage', 'jobs'], properties: { stage: identifier, jobs: { type: 'array', minItems: 1, items: job }, displayName: { type: 'string' }, dependsOn: stringOrList, condition: { type: 'string' }, variables, pool, lockBehavior: { enum: ['sequential', 'runLatest'] }, templateContext: { type: 'object' } } },
    templateUse,
  ],
} as const;

/** A pipeline (stages or jobs), or a template file (`parameters:` plus its jobs or steps). */
export const azurePipelinesSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  definitions: {
    includeExclude: { type: 'object', additionalProperties: false, properties: { include: { type: 'array', items: { type: 'string' } }, exclude: { type: 'array', items: { type: 'string' } } } },
  },
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { type: 'string' },
    trigger: branchTrigger,
    pr: branchTrigger,
    variables,
    pool,
    parameters: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: { name: identifier, displayName: { type: 'string' }, type: { enum: ['string', 'number', 'boolean', 'object', 'step', 'stepList', 'job', 'jobList', 'deployment', 'deploymentList', 'stage', 'stageList'] }, default: {}, values: { type: 'array' } },
      },
    },
    stages: { type: 'array', minItems: 1, items: stage },
    jobs: { type: 'array', minItems: 1, items: job },
    steps,
  },
} as const;

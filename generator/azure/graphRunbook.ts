/**
 * Graphical runbooks. ARM deploys one from the file the portal's Export writes (a `.graphrunbook`), linked by
 * `publishContentLink` like a script: the quickstart 101-automation deploys `runbookType: GraphPowerShell` from
 * `scripts/AzureAutomationTutorial.graphrunbook`, and Import-AzAutomationRunbook takes ".graphrunbook file for
 * graphical runbooks". That file is JSON: `{"SchemaVersion":"1.7","RunbookDefinition":"<base64>","RunbookType":"GraphPowerShell"}`
 * (Azure/azure-quickstart-templates quickstarts/microsoft.automation/101-automation/scripts/AzureAutomationTutorial.graphrunbook).
 */

/** Runbook types whose content is a graphical runbook file. */
export const GRAPHICAL_TYPES: ReadonlySet<string> = new Set(['Graph', 'GraphPowerShell', 'GraphPowerShellWorkflow']);

export const GRAPH_RUNBOOK_EXTENSION = '.graphrunbook';

/**
 * Graphical runbooks come in two engines: PowerShell (`GraphPowerShell`) and PowerShell Workflow
 * (`GraphPowerShellWorkflow`, and `Graph`, the API's first graphical type, from before graphical PowerShell runbooks
 * existed). A file exported from one engine does not run on the other.
 */
function engineOf(type: string): 'PowerShell' | 'Workflow' | undefined {
  if (type === 'GraphPowerShell') return 'PowerShell';
  if (type === 'GraphPowerShellWorkflow' || type === 'Graph') return 'Workflow';
  return undefined;
}

/**
 * What is wrong with a `.graphrunbook` file's text for a runbook of `type`, as the rest of a sentence ("is not
 * JSON"), or undefined. Loose on purpose: the definition itself is an opaque serialized graph, so only the envelope
 * is checked (a JSON object with the string fields SchemaVersion and RunbookDefinition) and, when the file names its
 * RunbookType, that it is of the same engine.
 */
export function graphRunbookProblem(text: string, type: string): string | undefined {
  let data: unknown;
  try {
    // A UTF-8 byte order mark is kept in the copied bytes but is no part of the JSON.
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return 'is not JSON (an exported graphical runbook is a JSON document)';
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'is not a JSON object (an exported graphical runbook is one)';
  const file = data as Record<string, unknown>;
  const missing = ['SchemaVersion', 'RunbookDefinition'].filter((k) => typeof file[k] !== 'string' || file[k] === '');
  if (missing.length > 0) return `has no ${missing.join(' or ')} (an exported graphical runbook has SchemaVersion and RunbookDefinition strings)`;
  const declared = file.RunbookType;
  if (declared === undefined) return undefined;
  if (typeof declared !== 'string') return 'has a RunbookType that is not a string';
  const fileEngine = engineOf(declared);
  const wanted = engineOf(type);
  if (fileEngine && wanted && fileEngine !== wanted) return `is a ${declared} runbook, which does not run as ${type}`;
  return undefined;
}

/**
 * Runbook runtimes: which language versions Azure Automation runs, which of them are retired, and how a runbook
 * picks one (a legacy `runbookType`, or a runtime environment, API 2024-10-23).
 *
 * Sources (read 2026-11):
 * - Versions a user can create a runtime environment with: "For PowerShell - choose 5.1, 7.4 / For Python - choose
 *   3.10" (learn.microsoft.com/azure/automation/manage-runtime-environment, ms.date 06/27/2025). The REST examples
 *   of 2024-10-23 also list environments with PowerShell 7.2 (listRuntimeEnvironmentsByAutomationAccount.json), and
 *   the six system-generated environments are PowerShell-5.1, PowerShell-7.1, PowerShell-7.2, Python-2.7,
 *   Python-3.8 and Python-3.10 (learn.microsoft.com/azure/automation/runtime-environment-overview), so those
 *   versions are known too, as retired ones.
 * - Retired: Azure's retirement notice of 2026-07 names "unsupported runtime versions - Python 2.7, Python 3.8, and
 *   PowerShell 7.1 & 7.2" (quoted in ssc-spc-ccoe-cei/azure-guardrails-solution-accelerator#958). Policy: support ends
 *   at the community end-of-support date; retired runtimes still run, with reduced support and possibly one instance
 *   (learn.microsoft.com/azure/automation/automation-runtime-retirement-policy).
 * - Community end-of-support dates: PowerShell from the PowerShell Support Lifecycle table
 *   (learn.microsoft.com/powershell/scripting/install/powershell-support-lifecycle); Python from the devguide
 *   release-cycle table (devguide.python.org/versions, month granularity).
 * - A runbook in an environment has `runbookType: PowerShell` (the REST example of manage-runtime-environment),
 *   "Similar APIs also work for Python runbook type", and the portal lists only environments of the runbook's
 *   language. "Runtime environment is currently not supported for PowerShell Workflow, Graphical PowerShell and
 *   Graphical PowerShell Workflow runbooks" (runtime-environment-overview).
 */

export type RuntimeLanguage = 'PowerShell' | 'Python';

export interface RuntimeVersion {
  readonly language: RuntimeLanguage;
  readonly version: string;
  /** Whether Automation still supports it (armgen reads no clock: this is the state of the docs above). */
  readonly retired: boolean;
  /** Community end of support (ISO date, or year-month when only the month is published); none for Windows PowerShell 5.1. */
  readonly endOfSupport?: string;
  /** The legacy runbook type that runs this version without a runtime environment, if any. */
  readonly legacyType?: string;
  /** Whether accounts have a system-generated environment `<Language>-<version>` for it. */
  readonly systemGenerated: boolean;
}

/** Every runtime version armgen knows, oldest first per language. */
export const runtimeVersions: readonly RuntimeVersion[] = [
  // Windows PowerShell 5.1 ships with Windows and follows its lifecycle; `PowerShell`, `PowerShellWorkflow` and the
  // graphical types run on it.
  { language: 'PowerShell', version: '5.1', retired: false, legacyType: 'PowerShell', systemGenerated: true },
  { language: 'PowerShell', version: '7.1', retired: true, endOfSupport: '2022-05-08', systemGenerated: true },
  { language: 'PowerShell', version: '7.2', retired: true, endOfSupport: '2024-11-08', legacyType: 'PowerShell72', systemGenerated: true },
  // Newest in Automation; the PowerShell lifecycle table gives 7.4 (LTS, .NET 8) an end of support of 2026-11-10.
  { language: 'PowerShell', version: '7.4', retired: false, systemGenerated: false },
  { language: 'Python', version: '2.7', retired: true, endOfSupport: '2020-01-01', legacyType: 'Python2', systemGenerated: true },
  { language: 'Python', version: '3.8', retired: true, endOfSupport: '2024-10', legacyType: 'Python3', systemGenerated: true },
  // Newest in Automation; the Python devguide gives 3.10 an end of life of 2026-10.
  { language: 'Python', version: '3.10', retired: false, systemGenerated: true },
];

const RUNTIME_RETIREMENT_DOC = 'https://learn.microsoft.com/azure/automation/automation-runtime-retirement-policy';
export const RUNTIME_ENVIRONMENT_DOC = 'https://learn.microsoft.com/azure/automation/manage-runtime-environment';

/** The default for new runbooks: the newest supported version of each language, with its documented default packages. */
export const DEFAULT_RUNTIME: Readonly<Record<RuntimeLanguage, { readonly version: string; readonly defaultPackages?: Readonly<Record<string, string>>; readonly environmentName: string }>> = {
  // "defaultPackages": { "Az": "12.3.0" } is the REST example for a PowerShell 7.4 environment (manage-runtime-environment).
  PowerShell: { version: '7.4', defaultPackages: { Az: '12.3.0' }, environmentName: 'PowerShell-7_4' },
  // "There are no default packages installed for Python 3.10" (python-3-packages); armgen's starter uses the standard library.
  Python: { version: '3.10', environmentName: 'Python-3_10' },
};

/** The runbook type that goes with a runtime environment of each language. */
export const ENVIRONMENT_RUNBOOK_TYPE: Readonly<Record<RuntimeLanguage, string>> = { PowerShell: 'PowerShell', Python: 'Python' };

/** Runbook types that cannot use a runtime environment (runtime-environment-overview). */
export const TYPES_WITHOUT_ENVIRONMENT: ReadonlySet<string> = new Set(['PowerShellWorkflow', 'GraphPowerShell', 'GraphPowerShellWorkflow', 'Graph', 'Script']);

/** The known version of a language, or undefined. */
export function findRuntime(language: RuntimeLanguage, version: string): RuntimeVersion | undefined {
  return runtimeVersions.find((r) => r.language === language && r.version === version);
}

/** The version a legacy runbook type runs (PowerShell72 -> 7.2), when the type names one. */
export function runtimeOfLegacyType(type: string): RuntimeVersion | undefined {
  return runtimeVersions.find((r) => r.legacyType === type);
}

/** Versions armgen knows for a language, for error messages: `5.1, 7.1 (retired), ...`. */
export function knownVersions(language: RuntimeLanguage): string {
  return runtimeVersions
    .filter((r) => r.language === language)
    .map((r) => (r.retired ? `${r.version} (retired)` : r.version))
    .join(', ');
}

/**
 * A system-generated runtime environment (named `<Language>-<version>`, e.g. PowerShell-7.2): every account has
 * them for its existing runbooks, they cannot be edited, and none exists for PowerShell 7.4 (runtime-environment-overview).
 */
export function systemEnvironment(name: string): RuntimeVersion | undefined {
  const match = /^(PowerShell|Python)-(\d+\.\d+)$/i.exec(name);
  if (!match) return undefined;
  const language = match[1]!.toLowerCase() === 'python' ? 'Python' : 'PowerShell';
  const runtime = findRuntime(language, match[2]!);
  return runtime?.systemGenerated ? runtime : undefined;
}

/** The names of the system-generated environments (`PowerShell-5.1` ... `Python-3.10`). */
export function systemEnvironmentNames(): string[] {
  return runtimeVersions.filter((r) => r.systemGenerated).map((r) => `${r.language}-${r.version}`);
}

/** "retired; its community support ended 2024-11-08" for messages. */
export function retirementText(r: RuntimeVersion): string {
  return `${r.language} ${r.version} is retired${r.endOfSupport ? ` (community support ended ${r.endOfSupport})` : ''}: Azure Automation runs retired runtimes with reduced support (${RUNTIME_RETIREMENT_DOC})`;
}

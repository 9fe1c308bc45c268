import { diagnosticCodes, type DiagnosticCode } from './diagnostics.js';

/**
 * The longer documentation of each diagnostic code: the one source for `armgen explain AGnnn` and for the
 * rules of a SARIF log (GitHub code scanning shows `fullDescription` and `help` beside each alert).
 */

/** armgen's repository; the README's "Diagnostic codes" section is the reference every code links to. */
export const ARMGEN_REPOSITORY_URL = 'https://github.com/armgen/armgen';
export const DIAGNOSTIC_CODES_URL = `${ARMGEN_REPOSITORY_URL}#diagnostic-codes`;

export interface DiagnosticDoc {
  readonly code: DiagnosticCode;
  /** A PascalCase rule name (SARIF `reportingDescriptor.name`). */
  readonly name: string;
  /** One line: the codes table entry. */
  readonly summary: string;
  /** What armgen checks, and why. */
  readonly details: string;
  /** What to do about it. */
  readonly fix: string;
  readonly helpUri: string;
}

type Entry = readonly [name: string, details: string, fix: string];

const docs: Record<DiagnosticCode, Entry> = {
  AG000: ['UsageError', 'The command line does not parse: an unknown command or option (armgen suggests the closest one), a missing <config..> argument, a value outside an option\'s choices, or options that exclude each other (such as --stdout with several configs or --format all). Nothing is read or written.', "Run `armgen --help` or `armgen COMMAND --help` for the commands, their options and examples."],
  AG100: ['UnreadableInput', 'A config file, or a runbook `file:` it names, cannot be read: it does not exist, is not a regular file (a link, FIFO or device), is larger than 4 MiB, is not strict UTF-8, or a runbook file lies outside the config\'s folder. An argument that matches no file, and a folder that holds no armgen config, are reported the same way.', 'Check the path; re-save the file as UTF-8; keep runbook scripts beside or below the config. A folder is searched only for files that look like armgen configs (the schema modeline, `$schema`, or an `automationAccount:` key).'],
  AG101: ['InvalidSyntax', 'The file is not valid YAML 1.2 or JSON. The diagnostic points at the first place the parser stopped.', 'Fix the syntax at the reported line; an editor with the YAML extension and the schema modeline shows it while you type.'],
  AG102: ['DuplicateKey', 'A mapping has the same key twice. YAML and JSON parsers disagree on which value wins, so armgen refuses the file rather than guess.', 'Keep one of the two keys.'],
  AG103: ['RefusedInput', 'The document is refused before it is expanded, because expanding it would cost more than armgen allows: too large, nested too deeply, or too many or self-referencing aliases (a "billion laughs" document).', 'Write the values out instead of repeating large anchored values through aliases, and split very large configs.'],
  AG104: ['InexactValue', 'A value that JSON, ARM or Bicep cannot carry exactly: an integer beyond 2^53, infinity or NaN, a lone UTF-16 surrogate, a control character in a key, or a YAML tag with no JSON equivalent. armgen refuses it instead of changing it silently.', 'Quote large numbers as strings, remove the control character or the tag.'],
  AG200: ['SchemaViolation', 'The config does not match armgen\'s JSON Schema (`armgen schema`): a wrong type, a missing required key, an unknown key (with a did-you-mean hint) or a value outside the allowed ones.', 'Fix the value at the reported line. Editors that read the schema modeline complete and check keys as you type; docs/config-reference.md lists every field.'],
  AG300: ['InvalidAzureName', "A name breaks Azure's naming rules for its resource type (length, allowed characters, first and last character); the rule is quoted in the message.", 'Rename the resource, or the default value of the parameter that names it.'],
  AG301: ['UnknownReference', 'A value refers to something the config does not declare: an identity, a parameter, a runbook, a schedule, a module. The message suggests the closest declared name.', 'Declare the missing entry, or correct the name.'],
  AG302: ['DuplicateDeclaration', 'Two entries declare the same thing (the same identity, runbook, schedule or output name), or a name is reserved (`system`).', 'Rename or remove one of the two entries.'],
  AG303: ['ParameterMisuse', 'A parameter is declared wrongly or used against its type: a default value for a secure parameter, a clear-text secret in `value`, a keyVaultReference on a non-secure parameter, a parameter that is never used, a name that collides with a deployment command\'s own options, or a value that does not fit the parameter\'s type or allowed values.', 'Follow the message: secrets come from keyVaultReference, every declared parameter is used, and values fit their type.'],
  AG304: ['UnsupportedByApiVersion', 'A setting that the API version chosen in `apiVersions` does not support (for example disableLocalAuth before 2021-06-22, or managed identities before 2020-01-13-preview).', 'Remove the setting, or pin a newer API version (or none: armgen then uses the newest stable one).'],
  AG305: ['UnknownRole', 'A role that is neither a known Azure built-in role name (with common aliases), a role definition GUID, nor a full role definition ID. The message suggests the closest built-in roles.', "Use the role's exact name from Microsoft's \"Azure built-in roles\" page, or its GUID."],
  AG306: ['IdentityNotAttached', 'An identity is used (for a role assignment, the encryption key, a runbook) where it is not attached to the Automation account, or the system-assigned identity is used while it is off.', 'Add the identity to automationAccount.identity.userAssigned, or set automationAccount.identity.systemAssigned: true.'],
  AG307: ['EnvironmentChangesTemplate', 'An environment override sets something that is not a template parameter: per-environment parameter files can only change parameter values, never the template\'s shape.', 'Make the value a parameter ({ param: NAME }) and override the parameter in the environment.'],
  AG308: ['RejectedByAzure', 'A value that Azure would reject at deployment time: a schedule start time in the past, a malformed resource ID, a dependency cycle between modules, and similar rules from Azure\'s documentation.', 'Fix the value as the message says; it names the rule.'],
  AG309: ['NotExpressibleInBicep', 'The config uses something that armgen cannot express as Bicep (for example a role scope whose resource type is only known at deployment time). The ARM JSON output is not affected.', 'Render this config with --format arm, or make the scope concrete.'],
  AG310: ['MisleadingValue', 'A value armgen stores exactly as written although it reads as something else. An Automation variable whose value is a string that looks like a date (`\\/Date(1495656897378)\\/`, or ISO 8601 text such as 2030-01-01T00:00:00Z) is stored as a String: armgen JSON-encodes a string, so Get-AutomationVariable returns the text, never a DateTime. The MS-JSON form is a warning (almost always meant as a date), ISO text a hint.', "For a DateTime variable write `value: { dateTime: '2030-01-01T00:00:00Z' }` (ISO 8601 with its UTC offset); armgen converts it to Automation's `\"\\/Date(<ms>)\\/\"` form. Keep the string when text is meant."],
  AG311: ['UnusableCombination', 'Settings that Azure accepts but that make something unusable: a webhook on an account whose local authentication is off (disableLocalAuth: true, armgen\'s default) can never be called, because "Starting a runbook using a webhook" is among the features disabling local authentication stops (learn.microsoft.com/azure/automation/disable-local-authentication); a webhook cannot start a Python runbook (learn.microsoft.com/azure/automation/automation-webhooks).', 'Set automationAccount.disableLocalAuth: false where webhooks are needed (or start the runbook through Azure Resource Manager, which uses Entra authentication); point the webhook at a PowerShell runbook.'],
  AG400: ['TemplateLimitExceeded', "An Azure Resource Manager template limit would be exceeded (parameters, resources, outputs, template or parameter file size, expression length, deployment name length). It is checked before anything is written.", 'Split the config into several configs (several deployments), or shorten the names and values that count against the limit.'],
  AG500: ['LintFinding', 'The rendered output breaks a best-practice rule (modelled on arm-ttk and the Bicep linter), named in brackets, for example [api-versions-recent]. The finding is located in the rendered file under the output folder.', 'Change the config so the rendered output follows the rule (for [api-versions-recent]: drop or raise the pinned API version). `armgen lint` lists every finding.'],
  AG501: ['RetiredRuntime', 'A runbook, runtime environment or module list runs on a retired runtime (PowerShell 7.1/7.2, Python 2.7/3.8); the message gives the retirement date and the Microsoft page. A warning: the runbook may still run, without support.', 'Give the runbook a runtime environment with a supported runtime (PowerShell 7.4 or 5.1, Python 3.10) and the type PowerShell or Python.'],
  AG502: ['UnloadableModules', 'Modules or packages the runtime likely cannot load: Az.Accounts pinned below what the other Az modules need (Automation loads custom modules before its own), or a Python wheel built for another Python version or platform.', 'Unpin Az.Accounts or pin a version the other Az modules accept; use a wheel for Python 3.10 on Linux (cp310 or py3-none-any).'],
  AG600: ['OutputNotWritable', 'The output cannot be written: permission denied, a file or folder in the way, a path or link that leads outside the output folder, a file armgen did not write and will not overwrite, two configs that would write the same folder, or a config name that cannot name a folder. A failed run changes nothing on disk, or says exactly what it changed.', 'Fix the permission or remove the obstacle named in the message, or rename one of the configs.'],
  AG700: ['BroadRole', 'Least privilege: a broad role (such as Owner or Contributor) on a wide scope where a narrower built-in role would do. A warning: --strict makes it fail the run.', 'Grant the narrower role the message suggests, on the resource group or resource the runbook needs.'],
  AG701: ['MissingAccess', 'An identity the config relies on lacks a role it needs at deployment or run time: the identity that reads a customer-managed key has no key-access role on the vault (the first deployment would fail), a generated runbook reads a Key Vault secret through an identity no role assignment lets read that vault, or a key version the deployment needs is unknown.', 'Add the role assignment the message names (or grant the access outside the template before deploying).'],
  AG801: ['DeploymentHint', 'A hint, not a problem: a value the deployment needs that the config does not give (the artifacts location of staged runbook files), a default with consequences (publicNetworkAccess turned off because the account has private endpoints; a linked workspace that receives no job logs without diagnostic settings), or a setting with no effect (two endpoints of one sub-resource in one private DNS zone: the later A record replaces the earlier, a warning). Hints are printed as info and never fail a run, not even with --strict.', 'Set the value in the config (artifacts.location, automationAccount.publicNetworkAccess, diagnosticSettings) or pass it when deploying, as the message says.'],
  AG900: ['Drift', '`armgen check` found files under the output folder that differ from what the configs render: stale, missing, extra (written by armgen but no longer rendered) or an orphan folder. A unified diff shows each difference.', 'Run `armgen generate` with the same configs and commit the result (or apply the printed diff with `git apply`).'],
  AG910: ['NoConfigEquivalent', '`armgen import` found a construct of the ARM template (a resource type, a property, an expression, an output, template variables or functions) that no armgen config renders, or the imported config would render the template differently (the import is verified by rendering it and comparing). The diagnostic names the JSON path in the template, such as resources[3].properties.foo. Nothing is written: a construct is never dropped silently.', 'Keep that part of the template outside armgen (a separate deployment), or change it to a form armgen writes (for example `[parameters(\'x\')]` instead of another expression, armgen\'s own resource names), then import again.'],
};

/** The documentation of one code. */
export function diagnosticDoc(code: DiagnosticCode): DiagnosticDoc {
  const [name, details, fix] = docs[code];
  return { code, name, summary: diagnosticCodes[code], details, fix, helpUri: DIAGNOSTIC_CODES_URL };
}

/** Every code, in order. */
export function allDiagnosticDocs(): DiagnosticDoc[] {
  return (Object.keys(diagnosticCodes) as DiagnosticCode[]).map(diagnosticDoc);
}

/** `armgen explain` text: summary, details, fix, link. */
export function explainText(doc: DiagnosticDoc): string {
  return `${doc.code}: ${doc.summary}\n\n${doc.details}\n\nWhat to do: ${doc.fix}\n\nReference: ${doc.helpUri}\n`;
}

/** The same as Markdown (SARIF `help.markdown`). */
export function explainMarkdown(doc: DiagnosticDoc): string {
  return `**${doc.code}: ${doc.summary}**\n\n${doc.details}\n\n**What to do:** ${doc.fix}\n\n[Diagnostic codes](${doc.helpUri})`;
}

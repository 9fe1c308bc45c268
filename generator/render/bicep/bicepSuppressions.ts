import { walk, type Expr } from '../../model/expr.js';

/**
 * Lint comments in the Bicep output: which diagnostics a value is known to raise though it is correct, and how a
 * declaration or property is silenced for them, so `bicep build` and `bicep lint` stay clean.
 */

/**
 * Hosts the linter rule no-hardcoded-env-urls flags by default (Bicep's default bicepconfig.json), minus its
 * excluded host. A config may legitimately hold such a URL (a Key Vault URI for the encryption key): armgen
 * writes the value as given and silences the rule for that one line, so `bicep lint` stays clean.
 */
const ENV_HOSTS = [
  'api.loganalytics.io', 'asazure.windows.net', 'azuredatalakeanalytics.net', 'azuredatalakestore.net', 'batch.core.windows.net',
  'core.windows.net', 'database.windows.net', 'datalake.azure.net', 'gallery.azure.com', 'graph.windows.net',
  'login.microsoftonline.com', 'management.azure.com', 'management.core.windows.net', 'region.asazure.windows.net',
  'trafficmanager.net', 'vault.azure.net',
];

/**
 * Lint codes a value is known to raise though it is correct:
 * - no-hardcoded-env-urls for a literal that holds a cloud host (user data, written as given);
 * - BCP329 for `length(...) - n` (the type checker cannot see that the length is always larger).
 */
export function lintCodes(value: Expr): string[] {
  const codes: string[] = [];
  if (literalStrings(value).some((v) => ENV_HOSTS.some((h) => v.toLowerCase().includes(h)) && !v.toLowerCase().includes('schema.management.azure.com'))) {
    codes.push('no-hardcoded-env-urls');
  }
  if (subtractsFromLength(value)) codes.push('BCP329');
  return codes;
}

/**
 * Lint codes an object key raises though it is written right: a key shaped like an identifier but longer than 255
 * characters must be quoted (unquoted it is BCP024, "The identifier exceeds the limit of 255"), yet the linter's
 * prefer-unquoted-property-names asks for it unquoted (Bicep 0.49.2). Azure allows 512-character tag names.
 */
export function keyLintCodes(key: Expr | string): string[] {
  return typeof key === 'string' && /^[A-Za-z_][A-Za-z0-9_]{255,}$/.test(key) ? ['prefer-unquoted-property-names'] : [];
}

/**
 * `text` (a declaration, or a `key: value` line starting with `indent`) with `codes` silenced: `#disable-next-line`
 * above it when it is one line; around it, `#disable-diagnostics` and `#restore-diagnostics`, when a long value broke
 * over several lines (the next-line form silences only the first line, and a diagnostic inside a broken call or
 * array would show: learn.microsoft.com/azure/azure-resource-manager/bicep/bicep-config-linter#silence-false-positives).
 */
export function suppressed(codes: readonly string[], indent: string, text: string): string {
  if (codes.length === 0) return text;
  const list = codes.join(' ');
  if (!text.includes('\n')) return `${indent}#disable-next-line ${list}\n${text}`;
  return `${indent}#disable-diagnostics ${list}\n${text}\n${indent}#restore-diagnostics ${list}`;
}

/** Literal text of a value, not descending into objects (their entries carry their own comments). */
function literalStrings(e: Expr): string[] {
  switch (e.k) {
    case 'str':
      return [e.v];
    case 'obj':
      return [];
    case 'interp':
      return e.parts.flatMap((p) => (typeof p === 'string' ? [p] : literalStrings(p)));
    case 'arr':
      return e.items.flatMap(literalStrings);
    case 'call':
      return e.args.flatMap(literalStrings);
    case 'member':
      return literalStrings(e.target);
    case 'index':
      return [...literalStrings(e.target), ...literalStrings(e.index)];
    case 'op':
      return [...literalStrings(e.left), ...literalStrings(e.right)];
    case 'cond':
      return [...literalStrings(e.test), ...literalStrings(e.then), ...literalStrings(e.else)];
    default:
      return [];
  }
}

/** `length(x) - n` somewhere in the value (outside nested objects). */
function subtractsFromLength(e: Expr): boolean {
  if (e.k === 'obj') return false;
  for (const node of walk(e)) {
    if (node.k === 'op' && node.op === '-' && node.left.k === 'call' && node.left.fn === 'length') return true;
  }
  return false;
}

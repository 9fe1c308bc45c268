import { Document, isMap, isScalar, visit, type Pair } from 'yaml';
import type { ConfigDraft } from './importContext.js';

/** Top-level keys in the order the examples use. */
const ORDER: readonly (keyof ConfigDraft)[] = [
  'description', 'apiVersions', 'parameters', 'artifacts', 'identities', 'automationAccount', 'roleAssignments',
  'runtimeEnvironments', 'modules', 'powerShell72Modules', 'python3Packages', 'runbooks', 'schedules', 'jobSchedules',
  'variables', 'credentials', 'hybridWorkerGroups', 'webhooks', 'sourceControls', 'diagnosticSettings', 'privateEndpoints',
  'logAnalytics', 'lock', 'environments',
];

/** Empty sections are left out (an empty `parameters: {}` says nothing). */
function sections(draft: ConfigDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ORDER) {
    const value = draft[key];
    if (value === undefined) continue;
    if (typeof value === 'object' && value !== null && Object.keys(value).length === 0) continue;
    out[key] = value;
  }
  return out;
}

/**
 * The config as YAML: the schema modeline first (editors complete and check keys with it), a header naming the
 * source, each comment above the key it explains, and `{ param: NAME }` and scopes in flow style, as in examples/.
 */
export function configText(draft: ConfigDraft, comments: ReadonlyMap<string, string>, header: { readonly modeline: readonly string[]; readonly source: string }): string {
  const doc = new Document(sections(draft));
  visit(doc, {
    Map(_key, node) {
      const keys = node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
      if ((keys.length === 1 && keys[0] === 'param') || keys.includes('kind')) node.flow = true;
    },
    Seq(_key, node) {
      if (node.items.length > 0 && node.items.every((i) => isScalar(i))) node.flow = true;
    },
  });
  const unplaced: string[] = [];
  for (const [path, text] of comments) {
    const pair = pairAt(doc, path.split('.'));
    if (pair && isScalar(pair.key)) pair.key.commentBefore = text.split('\n').map((l) => ` ${l}`).join('\n');
    else unplaced.push(...text.split('\n').map((l) => `# ${l}`));
  }
  const head = [...header.modeline, `# Imported by \`armgen import\` from ${header.source}; \`armgen generate\` renders an equivalent template.`, ...unplaced];
  return `${head.join('\n')}\n${doc.toString({ lineWidth: 0 })}`;
}

function pairAt(doc: Document, path: readonly string[]): Pair | undefined {
  let node: unknown = doc.contents;
  let found: Pair | undefined;
  for (const key of path) {
    if (!isMap(node)) return found;
    found = node.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair | undefined;
    if (!found) return undefined;
    node = found.value;
  }
  return found;
}

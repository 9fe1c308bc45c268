import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { deepestNode, textPositions } from '../util/jsonPositions.js';

/** A path into a JSON document: object keys and array indexes. */
export type JsonPath = readonly (string | number)[];

/**
 * A parsed JSON file (an ARM template or parameter file) that remembers where each value is, so a refusal
 * can name `file:line:col` and the JSON path (`resources[3].properties.foo`). ARM accepts `//` and block
 * comments in templates (the Azure CLI and PowerShell strip them), so the tree parser allows them too.
 */
export interface JsonSource {
  readonly file: string;
  readonly value: unknown;
  /** 1-based line and column of the value at `path` (or of its nearest existing parent). */
  position(path: JsonPath): { readonly line: number; readonly col: number };
}

export type JsonParse = { readonly ok: true; readonly source: JsonSource } | { readonly ok: false; readonly line: number; readonly col: number; readonly message: string };

export function parseJsonSource(file: string, text: string): JsonParse {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: false });
  const at = textPositions(text);
  const first = errors[0];
  if (first || !root) {
    const where = at(first?.offset ?? 0);
    return { ok: false, ...where, message: first ? `not valid JSON: ${printParseErrorCode(first.error)}` : 'the file is empty' };
  }
  const position = (path: JsonPath): { line: number; col: number } => at(nodeAt(root, path).offset);
  return { ok: true, source: { file, value: getNodeValue(root) as unknown, position } };
}

/** The node at `path`, or the deepest existing node on the way (a missing key is reported at its parent). */
function nodeAt(root: Node, path: JsonPath): Node {
  const node = deepestNode(root, path);
  // An object property is reported at its key (`"foo": ...`), where editors put the cursor.
  return node.parent?.type === 'property' && node.parent.children?.[1] === node ? node.parent : node;
}

/** `resources[3].properties.foo`; a key that is not a plain name is quoted (`userAssignedIdentities['[resourceId(...)]']`). */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `['${segment.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
  }
  return out === '' ? '(the document)' : out;
}

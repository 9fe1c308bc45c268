import { README_FILE, type Artifact } from '../../model/artifact.js';
import type { ResolvedModel } from '../../model/resolved.js';
import { createEnvironment, type TemplateFn } from '../environment.js';
import { principalText, roleText, scopeText } from './describe.js';
import { diagramView, type DiagramView, type NodeShape } from './diagramView.js';
import { parameterTableView, type ParameterTableView } from './parameterView.js';
import { permissionRows, prerequisiteRows, type PermissionRow, type PrerequisiteRow } from './permissionView.js';
import { markdownCode, markdownDocLink, markdownText, mermaidLabel } from './readmeText.js';

/** What `templates/readme/README.md.hbs` sees: plain text everywhere; the helpers escape it where it is placed. */
export interface ReadmeView {
  readonly name: string;
  /** The config's description, or '' for none. */
  readonly description: string;
  readonly diagram: DiagramView;
  readonly hasRunbooks: boolean;
  readonly assignments: readonly { readonly who: string; readonly role: string; readonly scope: string; readonly how: string }[];
  readonly runbooks: readonly { readonly name: string; readonly type: string; readonly signsInAs: string }[];
  readonly parameters: ParameterTableView;
  readonly permissions: readonly PermissionRow[];
  readonly prerequisites: readonly PrerequisiteRow[];
}

const SHAPES: Record<NodeShape, readonly [string, string]> = {
  box: ['[', ']'],
  stadium: ['([', '])'],
  subroutine: ['[[', ']]'],
  flag: ['>', ']'],
  cylinder: ['[(', ')]'],
};

/**
 * The only helpers the README template may call (knownHelpersOnly). Every value is placed through one of them:
 * `md` for Markdown text (table cells, headings, quotes), `code` for armgen's own identifiers, `doc` for its doc
 * links, `list` for a list of texts, and the `mermaid*` helpers for the diagram (labels always quoted and escaped).
 */
export const readmeHelpers = {
  md: (value: string): string => markdownText(value),
  code: (value: string): string => markdownCode(value),
  doc: (url: string): string => markdownDocLink(url),
  list: (items: readonly string[]): string => items.map(markdownText).join('; '),
  mermaidNode: (shape: NodeShape, lines: readonly string[]): string => {
    const [open, close] = SHAPES[shape];
    return `${open}${mermaidLabel(lines)}${close}`;
  },
  mermaidEdge: (dotted: boolean, label: string): string => `${dotted ? '-.->' : '-->'}|${mermaidLabel(label)}|`,
} as const;

/** Model -> README view: the diagram, the role and runbook tables, the parameters, the permissions and prerequisites. */
export function readmeView(model: ResolvedModel): ReadmeView {
  const { summary } = model;
  const diagram = diagramView(summary);
  return {
    name: model.name,
    description: summary.description ?? '',
    diagram,
    hasRunbooks: diagram.runbooks.length > 0,
    assignments: summary.roleAssignments.map((ra) => ({
      who: principalText(ra.principal),
      role: roleText(ra.role),
      scope: scopeText(ra.scope, summary),
      how: ra.node.type === 'Microsoft.Resources/deployments' ? 'a nested deployment (module)' : 'a role assignment in the template',
    })),
    runbooks: summary.runbooks.map((rb) => ({ name: rb.name, type: rb.type, signsInAs: rb.signsInAs === undefined ? '(up to its script)' : principalText(rb.signsInAs) })),
    parameters: parameterTableView(model),
    permissions: permissionRows(model),
    prerequisites: prerequisiteRows(model),
  };
}

let templates: ((entry: string) => TemplateFn) | undefined;

/** `README.md` for one config: derived from the resolved model only, so it is identical whatever `--format` renders. */
export function renderReadme(model: ResolvedModel): Artifact {
  templates ??= createEnvironment('readme', readmeHelpers);
  const text = templates('README.md')(readmeView(model));
  // No trailing blanks, one blank line at most, one final newline: stable bytes whatever the template's layout.
  return { path: README_FILE, kind: 'readme', text: `${text.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').replace(/\n+$/, '')}\n` };
}

import type { DeploymentSummary } from '../../model/summary.js';
import { accountText, identityResourceName, identityWhere, principalText, roleText, scopeText } from './describe.js';
import { shortIdText } from './networkRows.js';
import { exprText } from './readmeText.js';

/** Node shapes the template spells in Mermaid (see the `mermaidNode` helper). */
export type NodeShape = 'box' | 'stadium' | 'subroutine' | 'flag' | 'cylinder';

export interface DiagramNode {
  /** Synthetic (`account`, `id1`...), never derived from a name, so no name can be a Mermaid keyword or break an ID. */
  readonly id: string;
  readonly shape: NodeShape;
  /** Plain text, one entry per line. */
  readonly lines: readonly string[];
}

export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly dotted: boolean;
}

export interface DiagramView {
  readonly nodes: readonly DiagramNode[];
  /** Runbook nodes, drawn in their own box. */
  readonly runbooks: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
}

/**
 * The deployment at a glance: the account, its identities (system and user-assigned), each role assignment as an
 * edge identity -> scope labelled with the role, each runbook -> the identity it signs in as (when armgen writes
 * its sign-in), and a customer-managed key's vault. Nodes in first-seen order, so the text is byte-stable.
 */
export function diagramView(summary: DeploymentSummary): DiagramView {
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const { account } = summary;
  nodes.push({ id: 'account', shape: 'box', lines: [accountText(summary), ...(account.lock ? [`lock: ${account.lock}`] : [])] });
  const principalIds = new Map<string, string>();
  if (account.systemAssigned) {
    principalIds.set('system', 'sys');
    nodes.push({ id: 'sys', shape: 'stadium', lines: ['system-assigned identity'] });
    edges.push({ from: 'account', to: 'sys', label: 'has', dotted: false });
  }
  summary.identities.forEach((identity, i) => {
    const id = `id${i + 1}`;
    principalIds.set(identity.handle, id);
    const options = [...(identity.isolationScope === 'Regional' ? ['Regional isolation'] : []), ...(identity.lock ? [`lock: ${identity.lock}`] : [])];
    nodes.push({ id, shape: 'stadium', lines: [principalText(identity.handle), identityResourceName(identity.ref), identityWhere(identity.ref), ...options] });
    if (account.userAssigned.includes(identity.handle)) edges.push({ from: 'account', to: id, label: 'attached', dotted: false });
  });
  const scopeIds = new Map<string, string>();
  for (const ra of summary.roleAssignments) {
    const from = principalIds.get(ra.principal);
    if (!from) continue;
    let to = ra.scope.kind === 'automationAccount' ? 'account' : undefined;
    if (!to) {
      const text = scopeText(ra.scope, summary);
      to = scopeIds.get(text);
      if (!to) {
        to = `scope${scopeIds.size + 1}`;
        scopeIds.set(text, to);
        nodes.push({ id: to, shape: 'subroutine', lines: [text] });
      }
    }
    edges.push({ from, to, label: roleText(ra.role), dotted: false });
  }
  encryptionParts(summary, principalIds, nodes, edges);
  networkParts(summary, nodes, edges);
  const runbooks = summary.runbooks.map((rb, i): DiagramNode => ({ id: `rb${i + 1}`, shape: 'flag', lines: [`runbook ${rb.name}`, rb.type] }));
  summary.runbooks.forEach((rb, i) => {
    const to = rb.signsInAs === undefined ? undefined : principalIds.get(rb.signsInAs);
    if (to) edges.push({ from: `rb${i + 1}`, to, label: 'signs in as', dotted: true });
  });
  return { nodes, runbooks, edges };
}

/** A customer-managed key: the vault, the account encrypted by it, and the identity that reads the key. */
function encryptionParts(summary: DeploymentSummary, principalIds: ReadonlyMap<string, string>, nodes: DiagramNode[], edges: DiagramEdge[]): void {
  const enc = summary.account.encryption;
  if (!enc) return;
  nodes.push({ id: 'cmk', shape: 'cylinder', lines: ['Key Vault', enc.keyVaultUri ? exprText(enc.keyVaultUri) : '(vault URI not given)'] });
  edges.push({ from: 'account', to: 'cmk', label: `encrypted with key ${enc.keyName ? exprText(enc.keyName) : '(not named)'}`, dotted: true });
  const reader = principalIds.get(enc.identity);
  if (reader) edges.push({ from: reader, to: 'cmk', label: 'reads the key', dotted: true });
}

/** Each private endpoint (its sub-resource, its subnet) pointing at the account, and the linked workspace. */
function networkParts(summary: DeploymentSummary, nodes: DiagramNode[], edges: DiagramEdge[]): void {
  summary.privateEndpoints.forEach((pe, i) => {
    const id = `pe${i + 1}`;
    nodes.push({ id, shape: 'box', lines: [`private endpoint ${exprText(pe.name)}`, `subnet ${shortIdText(pe.subnetId)}`] });
    edges.push({ from: id, to: 'account', label: pe.service, dotted: false });
  });
  if (summary.logAnalytics) {
    const la = summary.logAnalytics;
    nodes.push({ id: 'law', shape: 'cylinder', lines: ['Log Analytics workspace', la.created ? `${exprText(la.name)} (created here)` : shortIdText(la.workspaceId)] });
    edges.push({ from: 'account', to: 'law', label: 'linked workspace', dotted: true });
  }
}

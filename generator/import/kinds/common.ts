import { deployedTypes, isDeployedType } from '../../azure/resourceTypes.js';
import type { ExprNode } from '../../azure/armExpression.js';
import { expressionOf, isCall, type Arg, argOf } from '../armValues.js';
import type { Fields, ImportContext } from '../importContext.js';

/** One resource kind: which template resources it maps, and how. A new kind is one more module in registry.ts. */
export interface ResourceImporter {
  readonly kind: string;
  claims(resource: Readonly<Record<string, unknown>>): boolean;
  import(ctx: ImportContext, resource: Fields): void;
}

/** `type` is matched by the importer; a case-insensitive type test (ARM resource types are case-insensitive). */
export function isType(resource: Readonly<Record<string, unknown>>, type: string): boolean {
  return typeof resource.type === 'string' && resource.type.toLowerCase() === type.toLowerCase();
}

/**
 * Take `type`, `apiVersion` and `dependsOn`: an API version other than armgen's default becomes an `apiVersions:`
 * pin; dependsOn is derived by armgen from the references (the import is verified by rendering it).
 */
export function takeBase(ctx: ImportContext, resource: Fields, type: string): void {
  resource.take('type');
  resource.derived('dependsOn');
  const api = resource.take('apiVersion');
  if (typeof api !== 'string') {
    ctx.refuse(resource.at('apiVersion'), 'a resource needs a literal apiVersion');
    return;
  }
  if (!isDeployedType(type)) return;
  if (deployedTypes[type] === api) return;
  const pinned = ctx.draft.apiVersions[type];
  if (pinned !== undefined && pinned !== api) {
    ctx.refuse(resource.at('apiVersion'), `${type} uses API version ${api} here and ${pinned} elsewhere; armgen pins one version per type`);
    return;
  }
  ctx.draft.apiVersions[type] = api;
}

/** `format('{0}/{1}', parent, 'child')` (armgen's child names) -> [parent, child] nodes. */
export function childName(value: unknown): readonly [ExprNode, Arg] | undefined {
  const node = expressionOf(value);
  if (!isCall(node, 'format') || node.args.length !== 3 || node.args[0]?.k !== 'str' || node.args[0].v !== '{0}/{1}') return undefined;
  const child = argOf(node.args[2]);
  return child === undefined ? undefined : [node.args[1]!, child];
}

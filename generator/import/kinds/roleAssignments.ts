import { argOf, expressionOf, importValue, isCall } from '../armValues.js';
import { isPlainObject, type Fields, type ImportContext } from '../importContext.js';
import { isType, takeBase, type ResourceImporter } from './common.js';
import { identityPrincipal, roleOf, scopeOf } from './roleScopes.js';

const DEPLOYMENTS = 'Microsoft.Resources/deployments';
const ROLE_ASSIGNMENTS = 'Microsoft.Authorization/roleAssignments';
/** Module parameters that carry an entry's optional fields (roleAssignmentModule.ts), by config key. */
const OPTIONAL = { description: 'roleAssignmentDescription', name: 'roleAssignmentName', condition: 'condition', conditionVersion: 'conditionVersion', delegatedManagedIdentityResourceId: 'delegatedManagedIdentityResourceId' } as const;

/** `format('ra-{0}', guid(deploymentGroup, scope, principal, roleGuid))`: armgen's role-assignment module for an identity. */
function moduleSeed(value: unknown) {
  const node = expressionOf(value);
  if (!isCall(node, 'format') || node.args[0]?.k !== 'str' || node.args[0].v !== 'ra-{0}') return undefined;
  const seed = node.args[1];
  return isCall(seed, 'guid') && seed.args.length === 4 ? seed.args : undefined;
}

/** An identity's role assignment: armgen's role-assignment module (a nested deployment), mapped back to its entry. */
export const roleAssignmentModules: ResourceImporter = {
  kind: 'role assignment (identity)',
  claims: (r) => isType(r, DEPLOYMENTS) && moduleSeed(r.name) !== undefined,
  import(ctx, resource) {
    takeBase(ctx, resource, DEPLOYMENTS);
    const seed = moduleSeed(resource.take('name'))!;
    const entry: Record<string, unknown> = {};
    const identity = identityPrincipal(ctx, seed[2], resource.at('name'));
    const scope = scopeOf(ctx, seed[1], undefined, resource.at('name'));
    const role = seed[3]?.k === 'str' ? roleOf(ctx, seed[3].v, resource.at('name')) : undefined;
    if (!identity || !scope || !role) return;
    Object.assign(entry, { identity, role, scope });
    const properties = resource.object('properties');
    const parameters = properties?.value.parameters;
    if (isPlainObject(parameters)) {
      for (const [key, name] of Object.entries(OPTIONAL)) {
        const p = parameters[name];
        if (isPlainObject(p) && 'value' in p) entry[key] = importValue(ctx, p.value, [...properties!.path, 'parameters', name, 'value'], name);
      }
    }
    // The inner template, its parameters and the deployment's placement are armgen's module, rendered again from the entry.
    properties?.derived('expressionEvaluationOptions', 'mode', 'parameters', 'template');
    properties?.finish("armgen's role-assignment module");
    resource.derived('subscriptionId', 'resourceGroup', 'location');
    resource.finish("armgen's role-assignment module");
    inTemplateOrder(ctx, order(entry), resource);
  },
};

/** Template index of each imported entry: both kinds share `roleAssignments:`, whose order is the template's. */
const indexOf = new WeakMap<Record<string, unknown>, number>();

/** Insert the entry where its resource stands among the others (armgen renders them in config order). */
function inTemplateOrder(ctx: ImportContext, entry: Record<string, unknown>, resource: Fields): void {
  const index = Number(resource.path[1]);
  indexOf.set(entry, index);
  const list = ctx.draft.roleAssignments;
  const at = list.findIndex((e) => (indexOf.get(e) ?? -1) > index);
  list.splice(at < 0 ? list.length : at, 0, entry);
}

/** A role assignment for any principal (an extension resource in the deployment's resource group). */
export const principalRoleAssignments: ResourceImporter = {
  kind: 'role assignment (principal)',
  claims: (r) => isType(r, ROLE_ASSIGNMENTS),
  import(ctx, resource) {
    takeBase(ctx, resource, ROLE_ASSIGNMENTS);
    const entry: Record<string, unknown> = {};
    const name = resource.take('name');
    if (typeof name === 'string' && !expressionOf(name)) entry.name = name;
    else if (!isCall(expressionOf(name), 'guid')) ctx.refuse(resource.at('name'), 'a role assignment name is imported as a literal GUID or armgen\'s guid(scope, principal, role)');
    const scope = resource.has('scope') ? resource.take('scope') : undefined;
    const mapped = scope === undefined ? { kind: 'resourceGroup' } : scopeOf(ctx, expressionOf(scope), scope, resource.at('scope'));
    const properties = resource.object('properties');
    if (!properties || !mapped) return;
    principalEntry(ctx, properties, entry);
    entry.scope = mapped;
    resource.finish('a role assignment');
    inTemplateOrder(ctx, order(entry), resource);
  },
};

function principalEntry(ctx: ImportContext, properties: Fields, entry: Record<string, unknown>): void {
  const principal = properties.take('principalId');
  const arg = argOf(expressionOf(principal)) ?? (typeof principal === 'string' && !expressionOf(principal) ? principal : undefined);
  if (arg === undefined) ctx.refuse(properties.at('principalId'), 'the principal ID is imported as a literal GUID or [parameters(\'NAME\')] (an identity\'s principal goes through armgen\'s role-assignment module)');
  else entry.principalId = arg;
  entry.role = roleOf(ctx, properties.take('roleDefinitionId'), properties.at('roleDefinitionId'));
  for (const key of ['principalType', 'description', 'condition', 'conditionVersion', 'delegatedManagedIdentityResourceId']) {
    if (properties.has(key)) entry[key] = importValue(ctx, properties.take(key), properties.at(key), key);
  }
  properties.finish('the role assignment properties');
}

function order(entry: Record<string, unknown>): Record<string, unknown> {
  const keys = ['identity', 'principalId', 'principalType', 'role', 'scope', 'name', 'description', 'condition', 'conditionVersion', 'delegatedManagedIdentityResourceId'];
  return Object.fromEntries(keys.filter((k) => entry[k] !== undefined).map((k) => [k, entry[k]]));
}

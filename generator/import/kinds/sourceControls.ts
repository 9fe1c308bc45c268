import { SOURCE_CONTROL } from '../../azure/automationAccess.js';
import { canonical, expressionOf, importArg, importValue, isCall, paramName } from '../armValues.js';
import type { Fields, ImportContext } from '../importContext.js';
import { identityFor } from './identities.js';
import { accountChildNames, copyKeys, isType, takeBase, type ResourceImporter } from './common.js';

const SOURCE_CONTROLS = 'Microsoft.Automation/automationAccounts/sourceControls';
const VARIABLES = 'Microsoft.Automation/automationAccounts/variables';
const SYNC_VARIABLE = SOURCE_CONTROL.userAssignedIdentityVariable;

/** The variable's name below the account, without refusing (the claim test). */
function variableName(value: unknown): string | undefined {
  const node = expressionOf(value);
  if (isCall(node, 'format') && node.args.length === 3 && node.args[2]?.k === 'str') return node.args[2].v;
  return typeof value === 'string' && !node ? value.split('/').pop() : undefined;
}

/**
 * armgen's AUTOMATION_SC_USER_ASSIGNED_IDENTITY_ID variable (resolveSourceControls.ts syncIdentityVariable): the
 * client ID of the user-assigned identity source control syncs as, `format('"{0}"', reference(<identity>, api).clientId)`.
 * It becomes `identity:` on the source controls; armgen writes the variable again.
 */
export const sourceControlIdentityVariable: ResourceImporter = {
  kind: 'source control identity variable',
  claims: (r) => isType(r, VARIABLES) && variableName(r.name) === SYNC_VARIABLE,
  import(ctx, resource) {
    takeBase(ctx, resource, VARIABLES);
    accountChildNames(ctx, resource, 1, 'a variable');
    const properties = resource.object('properties');
    if (!properties) return;
    const handle = syncIdentity(ctx, properties);
    // The description and isEncrypted are armgen's: rendered again from the identity and compared.
    properties.derived('description', 'isEncrypted');
    properties.finish(`the ${SYNC_VARIABLE} variable properties`);
    resource.finish(`the ${SYNC_VARIABLE} variable`);
    if (handle) ctx.sourceControlIdentity = handle;
  },
};

function syncIdentity(ctx: ImportContext, properties: Fields): string | undefined {
  const node = expressionOf(properties.take('value'));
  const clientId = isCall(node, 'format') && node.args.length === 2 && node.args[0]?.k === 'str' && node.args[0].v === '"{0}"' ? node.args[1] : undefined;
  const reference = clientId?.k === 'member' && clientId.name === 'clientId' ? clientId.target : undefined;
  if (!isCall(reference, 'reference') || !reference.args[0]) {
    ctx.refuse(properties.at('value'), `${SYNC_VARIABLE} is imported only as armgen writes it: format('"{0}"', reference(<a user-assigned identity's ID>, <api>).clientId)`);
    return undefined;
  }
  return identityFor(ctx, `[${canonical(reference.args[0])}]`, properties.at('value'))?.handle;
}

/** A source control (`sourceControls[]`): the token only from a parameter (a secret never comes from the config). */
export const sourceControls: ResourceImporter = {
  kind: 'source control',
  claims: (r) => isType(r, SOURCE_CONTROLS),
  import(ctx, resource) {
    takeBase(ctx, resource, SOURCE_CONTROLS);
    const names = accountChildNames(ctx, resource, 1, 'a source control');
    const properties = resource.object('properties');
    if (!names || !properties) return;
    const entry: Record<string, unknown> = { name: names[0] };
    copyKeys(ctx, properties, entry, ['sourceType', 'repoUrl', 'branch', 'folderPath', 'description']);
    for (const key of ['autoSync', 'publishRunbook']) if (properties.has(key)) entry[key] = importValue(ctx, properties.take(key), properties.at(key), key);
    if (ctx.sourceControlIdentity) entry.identity = ctx.sourceControlIdentity;
    const token = properties.object('securityToken');
    if (token) entry.securityToken = securityToken(ctx, token);
    properties.finish('the source control properties');
    resource.finish('a source control');
    ctx.push('sourceControls', entry);
  },
};

function securityToken(ctx: ImportContext, token: Fields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (token.has('tokenType')) out.tokenType = importArg(ctx, token.take('tokenType'), token.at('tokenType'), 'the token type');
  for (const key of ['accessToken', 'refreshToken']) {
    if (!token.has(key)) continue;
    const p = paramName(expressionOf(token.take(key)));
    if (p === undefined) ctx.refuse(token.at(key), `a source control's ${key} is a secret: it is imported only as [parameters('NAME')] of a securestring parameter`);
    else out[key] = { param: p };
  }
  token.finish('the source control security token');
  return out;
}

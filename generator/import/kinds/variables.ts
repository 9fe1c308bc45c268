import { isoFromDateTimeValueText } from '../../azure/automationVariables.js';
import { canonical, expressionOf, importArg, paramName } from '../armValues.js';
import type { ConfigValue, Fields, ImportContext } from '../importContext.js';
import { accountChildNames, copyKeys, isType, takeBase, type ResourceImporter } from './common.js';

const VARIABLES = 'Microsoft.Automation/automationAccounts/variables';
const CREDENTIALS = 'Microsoft.Automation/automationAccounts/credentials';
/** The description armgen gives the client-ID variable of a starter runbook (resolve/runbookStarter.ts). */
const CLIENT_ID_DESCRIPTION = /^Client ID of user-assigned identity '.+', read by armgen's starter runbooks/;

/** armgen's encoding of a parameter as a variable value: `substring(string(createArray(p)), 1, length(...) - 2)` (resolveVariables.ts). */
function paramOfValue(value: unknown): string | undefined {
  const node = expressionOf(value);
  if (node?.k !== 'call') return undefined;
  const inner = node.args[0]?.k === 'call' ? node.args[0].args[0] : undefined;
  const p = inner?.k === 'call' ? paramName(inner.args[0]) : undefined;
  if (p === undefined) return undefined;
  const wrapped = `string(createarray(parameters('${p.replace(/'/g, "''")}')))`;
  return canonical(node) === `substring(${wrapped},1,sub(length(${wrapped}),2))` ? p : undefined;
}

/** The stored JSON text -> the config value: JSON decoded, `"\/Date(ms)\/"` as `{ dateTime: ISO }`, a parameter as `{ param }`. */
function variableValue(ctx: ImportContext, properties: Fields): ConfigValue | undefined {
  if (!properties.has('value')) return null;
  const raw = properties.take('value');
  const p = paramOfValue(raw);
  if (p !== undefined) return { param: p };
  if (typeof raw === 'string' && raw.startsWith('"\\/Date(')) {
    const dateTime = isoFromDateTimeValueText(raw);
    if (dateTime !== undefined) return { dateTime };
    ctx.refuse(properties.at('value'), 'a DateTime variable value is imported as "\\/Date(<ms>)\\/" within years 1-9999 (what Automation stores)');
    return undefined;
  }
  if (typeof raw === 'string' && !expressionOf(raw) && !raw.startsWith('[')) {
    try {
      return JSON.parse(raw) as ConfigValue;
    } catch {
      // not JSON text: refused below
    }
  }
  ctx.refuse(properties.at('value'), "a variable value is imported as JSON text (Automation's stored form) or armgen's encoding of a parameter");
  return undefined;
}

function isSecureParameter(ctx: ImportContext, name: string): boolean {
  const type = ctx.draft.parameters[name]?.type;
  return type === 'securestring' || type === 'secureObject';
}

/** A variable (`variables[]`); armgen's own client-ID variables of starter runbooks are left for armgen to re-create. */
export const variables: ResourceImporter = {
  kind: 'variable',
  claims: (r) => isType(r, VARIABLES),
  import(ctx, resource) {
    takeBase(ctx, resource, VARIABLES);
    const names = accountChildNames(ctx, resource, 1, 'a variable');
    const properties = resource.object('properties');
    if (!names || !properties) return;
    const name = names[0]!;
    if (typeof properties.value.description === 'string' && CLIENT_ID_DESCRIPTION.test(properties.value.description)) {
      properties.derived('description', 'value', 'isEncrypted');
      if (!ctx.starterVariables.has(name.toLowerCase())) ctx.refuse(resource.at('name'), `variable '${name}' is armgen's client-ID variable of a starter runbook, but no runbook here was recognised as armgen's starter (its script must sit next to the template, unchanged)`);
      return;
    }
    const entry: Record<string, unknown> = { name };
    const value = variableValue(ctx, properties);
    if (value !== undefined) entry.value = value;
    const encrypted = properties.has('isEncrypted') ? properties.take('isEncrypted') : false;
    if (encrypted !== true) entry.isEncrypted = false;
    const secure = typeof value === 'object' && value !== null && 'param' in value && isSecureParameter(ctx, String(value.param));
    // Encrypting a value that does not come from a secure parameter is allowed with this acknowledgement only.
    if (encrypted === true && value !== null && !secure) entry.clearTextAcknowledged = true;
    copyKeys(ctx, properties, entry, ['description']);
    properties.finish('the variable properties');
    resource.finish('a variable');
    ctx.push('variables', entry);
  },
};

/** A credential (`credentials[]`): its password must be a parameter (a secret never comes from the config). */
export const credentials: ResourceImporter = {
  kind: 'credential',
  claims: (r) => isType(r, CREDENTIALS),
  import(ctx, resource) {
    takeBase(ctx, resource, CREDENTIALS);
    const names = accountChildNames(ctx, resource, 1, 'a credential');
    const properties = resource.object('properties');
    if (!names || !properties) return;
    const entry: Record<string, unknown> = { name: names[0] };
    const userName = importArg(ctx, properties.take('userName'), properties.at('userName'), 'the user name');
    if (userName !== undefined) entry.userName = userName;
    const password = paramName(expressionOf(properties.take('password')));
    if (password === undefined) ctx.refuse(properties.at('password'), "a credential's password is imported only as [parameters('NAME')] of a securestring parameter");
    else entry.password = { param: password };
    copyKeys(ctx, properties, entry, ['description']);
    properties.finish('the credential properties');
    resource.finish('a credential');
    ctx.push('credentials', entry);
  },
};

import { checkName, nameRules } from '../azure/naming.js';
import { arr, bool, call, num, obj, op, str, type Expr } from '../model/expr.js';
import type { ResourceNode } from '../model/resolved.js';
import { childNode, childRef, isSecureStringParam, type AccountRef } from './children.js';
import { isParamRef, type ResolveContext } from './context.js';
import type { SymbolTable } from './names.js';
import { JSON_TYPE } from './resolveParameters.js';

const VARIABLE_TYPE = 'Microsoft.Automation/automationAccounts/variables';
const CREDENTIAL_TYPE = 'Microsoft.Automation/automationAccounts/credentials';


/**
 * The API's variable `value` is a JSON text (a string value carries its quotes: `"\"text\""`). Literal values
 * are encoded here; a parameter is encoded at deployment by ARM's own serializer: `string(createArray(p))`
 * is `["..."]`, and dropping the first and last character leaves p as JSON, correctly escaped, whatever its type.
 */
export function variableValue(value: unknown, paramExpr?: Expr): Expr {
  if (paramExpr) {
    const wrapped = call('string', arr([paramExpr]));
    return call('substring', wrapped, num(1), op('-', call('length', wrapped), num(2)));
  }
  return str(JSON.stringify(value));
}

/**
 * `variables:` and `credentials:`. Secrets never appear in clear: a credential's password must be a
 * securestring parameter (which a parameter file can take from Key Vault); a variable may be one.
 */
export function resolveVariables(
  ctx: ResolveContext,
  symbols: SymbolTable,
  account: AccountRef,
  reserved: ReadonlyMap<string, string>,
): { resources: ResourceNode[] } {
  const resources: ResourceNode[] = [];
  const seen = new Map<string, string>(reserved);
  (ctx.config.variables ?? []).forEach((v, i) => {
    const pointer = `/variables/${i}`;
    if (!assetName(ctx, v.name, `${pointer}/name`, 'variable', seen)) return;
    let value: Expr;
    const isEncrypted = v.isEncrypted ?? true;
    if (isParamRef(v.value) && Object.keys(v.value as object).length === 1) {
      const ref = v.value as { param: string };
      const params = ctx.config.parameters;
      const declared = params && Object.hasOwn(params, ref.param) ? params[ref.param] : undefined;
      const p = ctx.useParam(ref, { pointer: `${pointer}/value/param`, type: declared ? JSON_TYPE[declared.type] : 'string' });
      if (declared && (declared.type === 'securestring' || declared.type === 'secureObject') && !isEncrypted) {
        ctx.error(`${pointer}/isEncrypted`, 'AG303', `variable '${v.name}' takes secure parameter '${ref.param}' but isEncrypted is false: the secret would be readable in the portal`);
      }
      value = variableValue(undefined, p);
    } else {
      value = variableValue(v.value);
    }
    resources.push(
      childNode(childRef(ctx, account.ref, VARIABLE_TYPE, str(v.name), symbols.take(v.name, 'variable')), {
        properties: obj({
          description: v.description === undefined ? undefined : str(v.description),
          value,
          isEncrypted: bool(isEncrypted),
        }),
      }),
    );
  });

  const credentials = new Map<string, string>();
  (ctx.config.credentials ?? []).forEach((c, i) => {
    const pointer = `/credentials/${i}`;
    if (!assetName(ctx, c.name, `${pointer}/name`, 'credential', credentials)) return;
    const userName = ctx.stringValue(c.userName, `${pointer}/userName`);
    const password = ctx.useParam(c.password, { pointer: `${pointer}/password/param`, type: 'string' });
    const declaredPassword = ctx.config.parameters && Object.hasOwn(ctx.config.parameters, c.password.param);
    if (declaredPassword && !isSecureStringParam(ctx, c.password.param)) {
      ctx.error(`${pointer}/password`, 'AG303', `credential '${c.name}' takes its password from parameter '${c.password.param}', which must be a securestring (a plain string would be logged with the deployment)`);
    }
    resources.push(
      childNode(childRef(ctx, account.ref, CREDENTIAL_TYPE, str(c.name), symbols.take(c.name, 'credential')), {
        properties: obj({
          description: c.description === undefined ? undefined : str(c.description),
          userName,
          password,
        }),
      }),
    );
  });
  return { resources };
}

function assetName(ctx: ResolveContext, name: string, pointer: string, what: string, seen: Map<string, string>): boolean {
  const problem = checkName(nameRules.automationAsset, name);
  if (problem) ctx.error(pointer, 'AG300', problem);
  const other = seen.get(name.toLowerCase());
  if (other) {
    ctx.error(pointer, 'AG302', `${what} '${name}' is already declared at ${other || 'another entry'}${other.startsWith('/identities') ? " (armgen stores that identity's client ID under this name for its starter runbooks)" : ''}`);
    return false;
  }
  seen.set(name.toLowerCase(), pointer.replace(/\/name$/, ''));
  return true;
}

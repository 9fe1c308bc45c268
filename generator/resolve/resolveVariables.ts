import { checkName, nameRules } from '../azure/naming.js';
import { arr, bool, call, num, obj, op, str, type Expr } from '../model/expr.js';
import type { Variable } from '../model/config.generated.js';
import type { ResourceRef } from '../model/resourceRef.js';
import type { ResourceNode } from '../model/resolved.js';
import { childNode, childRef, isSecureStringParam, type AccountRef } from './children.js';
import { isParamRef, type ResolveContext } from './context.js';
import type { SymbolTable } from './names.js';
import { JSON_TYPE } from './resolveParameters.js';
import { literalValue } from './variableValues.js';

const VARIABLE_TYPE = 'Microsoft.Automation/automationAccounts/variables';
const CREDENTIAL_TYPE = 'Microsoft.Automation/automationAccounts/credentials';


/**
 * A parameter as a variable's `value`, the JSON text the API stores (forms per type: azure/automationVariables.ts;
 * literals: variableValues.ts). It is encoded at deployment by ARM's own serializer: `string(createArray(p))` is
 * `["..."]`, and dropping the first and last character leaves p as JSON, correctly escaped, whatever its type.
 */
export function paramVariableValue(paramExpr: Expr): Expr {
  const wrapped = call('string', arr([paramExpr]));
  return call('substring', wrapped, num(1), op('-', call('length', wrapped), num(2)));
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
): { resources: ResourceNode[]; credentials: ReadonlyMap<string, ResolvedCredential> } {
  const resources: ResourceNode[] = [];
  const seen = new Map<string, string>(reserved);
  (ctx.config.variables ?? []).forEach((v, i) => {
    const pointer = `/variables/${i}`;
    if (!assetName(ctx, v.name, `${pointer}/name`, 'variable', seen)) return;
    const isEncrypted = v.isEncrypted ?? true;
    const value = variableValueOf(ctx, v, pointer, isEncrypted);
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

  const credentialPointers = new Map<string, string>();
  const credentials = new Map<string, ResolvedCredential>();
  (ctx.config.credentials ?? []).forEach((c, i) => {
    const pointer = `/credentials/${i}`;
    if (!assetName(ctx, c.name, `${pointer}/name`, 'credential', credentialPointers)) return;
    const userName = ctx.stringValue(c.userName, `${pointer}/userName`);
    const password = ctx.useParam(c.password, { pointer: `${pointer}/password/param`, type: 'string', secrecy: 'secret' });
    const declaredPassword = ctx.config.parameters && Object.hasOwn(ctx.config.parameters, c.password.param);
    if (declaredPassword && !isSecureStringParam(ctx, c.password.param)) {
      ctx.error(`${pointer}/password`, 'AG303', `credential '${c.name}' takes its password from parameter '${c.password.param}', which must be a securestring (a plain string would be logged with the deployment)`);
    }
    const credentialRef = childRef(ctx, account.ref, CREDENTIAL_TYPE, str(c.name), symbols.take(c.name, 'credential'));
    credentials.set(c.name.toLowerCase(), { name: c.name, ref: credentialRef });
    resources.push(
      childNode(credentialRef, {
        properties: obj({
          description: c.description === undefined ? undefined : str(c.description),
          userName,
          password,
        }),
      }),
    );
  });
  return { resources, credentials };
}

/** A credential asset, for what refers to it by name (hybrid worker groups). */
export interface ResolvedCredential {
  readonly name: string;
  readonly ref: ResourceRef;
}

/**
 * A variable's value. An encrypted value must reach the template through a secure parameter: a literal is written
 * in clear into the template (and the committed config), and a plain parameter is shown in the deployment's
 * history. `clearTextAcknowledged: true` says the value is not secret and encryption is wanted anyway.
 */
function variableValueOf(ctx: ResolveContext, v: Variable, pointer: string, isEncrypted: boolean): Expr | undefined {
  const byParam = isParamRef(v.value) && Object.keys(v.value as object).length === 1;
  // A one-key `{ param: ... }` is a reference (a literal object needs another key); its name must be a string.
  if (byParam && typeof (v.value as { param: unknown }).param !== 'string') {
    ctx.error(`${pointer}/value/param`, 'AG200', `variable '${v.name}': { param: NAME } takes the name of a declared parameter, a string`);
    return undefined;
  }
  const ref = byParam ? (v.value as { param: string }) : undefined;
  const params = ctx.config.parameters;
  const declared = ref && params && Object.hasOwn(params, ref.param) ? params[ref.param] : undefined;
  const secure = declared !== undefined && (declared.type === 'securestring' || declared.type === 'secureObject');
  // A Null variable has no value to protect: nothing is written.
  if (v.value === null) {
    if (v.clearTextAcknowledged !== undefined) ctx.error(`${pointer}/clearTextAcknowledged`, 'AG200', `variable '${v.name}' has no value (null), so there is nothing in clear to acknowledge; remove clearTextAcknowledged`);
    return undefined;
  }
  if (v.clearTextAcknowledged !== undefined && (!isEncrypted || secure)) {
    ctx.error(`${pointer}/clearTextAcknowledged`, 'AG200', `clearTextAcknowledged applies only to an encrypted variable whose value is not a secure parameter; remove it from variable '${v.name}'`);
  } else if (isEncrypted && !secure && v.clearTextAcknowledged !== true && (!ref || declared)) {
    const what = ref ? `plain ${declared!.type} parameter '${ref.param}', which the deployment's history shows` : 'a literal, which is written in clear into the template';
    ctx.error(
      `${pointer}/value`,
      'AG303',
      `variable '${v.name}' is encrypted${v.isEncrypted === undefined ? ' (the default)' : ''} but its value is ${what}: take a secret from a securestring or secureObject parameter ({ param: NAME }); for a value that is not secret set isEncrypted: false, or clearTextAcknowledged: true to encrypt it anyway`,
    );
  }
  if (!ref) return literalValue(ctx, v, pointer);
  const p = ctx.useParam(ref, { pointer: `${pointer}/value/param`, type: declared ? JSON_TYPE[declared.type] : 'string', secrecy: 'secret' });
  if (secure && !isEncrypted) {
    ctx.error(`${pointer}/isEncrypted`, 'AG303', `variable '${v.name}' takes secure parameter '${ref.param}' but isEncrypted is false: the secret would be readable in the portal`);
  }
  return paramVariableValue(p);
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

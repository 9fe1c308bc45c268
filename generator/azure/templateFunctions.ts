/**
 * Template functions a config may use in a deploy-time expression (`{ expr: ... }`), per place. Each entry is
 * spelled the same in ARM and Bicep (armgen prints a call once for both languages, and Bicep names are
 * case-sensitive, so the canonical spelling is kept), with its result type and arity.
 *
 * Why a parameter's defaultValue is the one place, and what it allows:
 * - `utcNow` and `newGuid` "can only be used within an expression for the default value of a parameter"
 *   (learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-date#utcnow, ...-string#newguid):
 *   a default is where a value new at each deployment comes from;
 * - the deployment's context (`resourceGroup()`, `subscription()`, `tenant()`, `deployment()`, `environment()`) is
 *   known when parameters are evaluated, whereas "you can't use the reference function or any of the list
 *   functions in the parameters section" (templates/parameters.md#default-value): nothing that reads a resource;
 * - string, date and conversion functions that both languages have under one name. Left out: `concat` (Bicep's
 *   linter wants interpolation: use `format`), `if`/`equals`/`and`/`add`... (Bicep spells them as operators),
 *   `createArray`/`createObject` (Bicep has literals), `variables` (armgen declares no variables).
 */
export type ExprType = 'string' | 'int' | 'bool' | 'object' | 'array' | 'any';

export interface TemplateFunction {
  /** The spelling both languages accept. */
  readonly name: string;
  readonly returns: ExprType;
  readonly minArgs: number;
  readonly maxArgs: number;
}

const fn = (name: string, returns: ExprType, minArgs: number, maxArgs = minArgs): TemplateFunction => ({ name, returns, minArgs, maxArgs });

const PARAMETER_DEFAULT: readonly TemplateFunction[] = [
  // new at every deployment: only in parameter defaults
  fn('utcNow', 'string', 0, 1),
  fn('newGuid', 'string', 0),
  // dates
  fn('dateTimeAdd', 'string', 2, 3),
  fn('dateTimeFromEpoch', 'string', 1),
  fn('dateTimeToEpoch', 'int', 1),
  // the deployment's context
  fn('resourceGroup', 'object', 0),
  fn('subscription', 'object', 0),
  fn('tenant', 'object', 0),
  fn('deployment', 'object', 0),
  fn('environment', 'object', 0),
  // strings
  fn('format', 'string', 1, 64),
  fn('toLower', 'string', 1),
  fn('toUpper', 'string', 1),
  fn('substring', 'string', 1, 3),
  fn('replace', 'string', 3),
  fn('trim', 'string', 1),
  fn('padLeft', 'string', 2, 3),
  fn('uniqueString', 'string', 1, 64),
  fn('guid', 'string', 1, 64),
  fn('base64', 'string', 1),
  fn('base64ToString', 'string', 1),
  fn('uri', 'string', 2),
  fn('uriComponent', 'string', 1),
  fn('uriComponentToString', 'string', 1),
  fn('startsWith', 'bool', 2),
  fn('endsWith', 'bool', 2),
  fn('indexOf', 'int', 2),
  fn('lastIndexOf', 'int', 2),
  fn('split', 'array', 2),
  fn('join', 'string', 2),
  // strings or arrays
  fn('take', 'any', 2),
  fn('skip', 'any', 2),
  fn('first', 'any', 1),
  fn('last', 'any', 1),
  fn('length', 'int', 1),
  fn('empty', 'bool', 1),
  fn('contains', 'bool', 2),
  // conversions
  fn('string', 'string', 1),
  fn('int', 'int', 1),
  fn('bool', 'bool', 1),
  fn('json', 'any', 1),
];

/** Functions allowed where, by lower-case name (ARM function names are case-insensitive). */
export const allowedFunctions = {
  parameterDefault: new Map(PARAMETER_DEFAULT.map((f) => [f.name.toLowerCase(), f])),
  /** A secure parameter's default may only be fresh randomness: anything else would be a secret kept in the template (arm-ttk allows `[newGuid()]`). */
  secureParameterDefault: new Map([['newguid', fn('newGuid', 'string', 0)]]),
} as const;

export type FunctionTable = ReadonlyMap<string, TemplateFunction>;

/**
 * Config locations whose value is a secret: a credential's password, a source control's tokens, a webhook's URI,
 * the artifacts SAS token (top level or per environment). The schema takes only a parameter or Key Vault reference
 * there, so a wrong value at one of them is most likely the secret itself, written in clear: a diagnostic names
 * its type, never the value (diagnostics reach CI logs and SARIF files).
 */
const SECRET_FIELDS: readonly RegExp[] = [
  /^\/credentials\/\d+\/password(\/|$)/,
  /^\/sourceControls\/\d+\/securityToken(\/|$)/,
  /^\/webhooks\/\d+\/uri(\/|$)/,
  /^(\/environments\/[^/]+)?\/artifacts\/sasToken(\/|$)/,
];

/** True when the JSON pointer is at (or under) a secret field of the config. */
export function isSecretField(pointer: string): boolean {
  return SECRET_FIELDS.some((field) => field.test(pointer));
}

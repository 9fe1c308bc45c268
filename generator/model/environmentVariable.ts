/**
 * The environment variable a `.bicepparam` file reads a parameter from when no file gives its value
 * (`readEnvironmentVariable('SQL_PASSWORD')`): shared by resolve, which refuses two parameters that would read
 * one variable, and the Bicep printer, which writes the call. `sqlPassword` -> `SQL_PASSWORD`.
 */
export function environmentVariableName(parameter: string): string {
  return parameter
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

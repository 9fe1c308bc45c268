/** JSON basics and the public schema URLs shared by the offline ARM schema modules (see ../armSchemas.ts). */

export type Json = Record<string, unknown>;
export type Scope = 'resourceGroup' | 'subscription' | 'managementGroup' | 'tenant';

export const BASE_URL = 'https://schema.management.azure.com/';
export const TEMPLATE_URL = `${BASE_URL}schemas/2019-04-01/deploymentTemplate.json`;
export const PARAMETERS_URL = `${BASE_URL}schemas/2019-04-01/deploymentParameters.json`;
export const DEFINITIONS_URL = `${BASE_URL}schemas/common/definitions.json`;
export const EXPRESSION_REF = `${DEFINITIONS_URL}#/definitions/expression`;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
export const stringEnum = (schema: unknown): string[] =>
  isObject(schema) && Array.isArray(schema.enum) ? schema.enum.filter((v): v is string => typeof v === 'string') : [];

export const snippet = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

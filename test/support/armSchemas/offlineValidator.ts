/** The offline ARM schema validator: envelope + one definition per resource, nested deployments recursively. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { formatErrors, pruneErrors } from './ajvErrors.js';
import { childNameKeyword } from './childNameKeyword.js';
import { indexOtherScope, indexResourceGroupScope, type ResourceSchema } from './resourceIndex.js';
import { isObject, type Json, PARAMETERS_URL, type Scope, snippet, TEMPLATE_URL } from './schemaJson.js';
import { absolutizeRefs, pinnedTypeAndVersion, resolveRef } from './schemaRefs.js';

/** Validates ARM JSON offline. Each method returns `<where>: <what>` strings, empty when valid. */
export interface ArmSchemaValidator {
  validateTemplate(template: unknown): string[];
  validateParameters(parameters: unknown): string[];
}

/** The whole deploymentTemplate.json, under its own id: only `compileOfficialTemplateSchema` uses it. */
const WHOLE_TEMPLATE_ID = 'urn:armgen:deploymentTemplate-whole';
const TEMPLATE_SCHEMA = /\/(deploymentTemplate|subscriptionDeploymentTemplate|managementGroupDeploymentTemplate|tenantDeploymentTemplate)\.json#?$/;
const SCOPE_BY_FILE: Readonly<Record<string, Scope>> = {
  deploymentTemplate: 'resourceGroup',
  subscriptionDeploymentTemplate: 'subscription',
  managementGroupDeploymentTemplate: 'managementGroup',
  tenantDeploymentTemplate: 'tenant',
};

/**
 * deploymentTemplate.json with `resources` reduced to its container shape (resources are checked one by one).
 * This variant is what is registered at the file's URL: deploymentParameters.json `$ref`s into it, and Ajv compiles
 * a referenced file's root, which for the whole schema means the ~194-branch resource `oneOf` (~2 s).
 */
function envelopeSchema(template: Json): Json {
  const properties = isObject(template.properties) ? template.properties : {};
  const resources = { description: 'checked per resource by armSchemas.ts', oneOf: [{ type: 'array' }, { type: 'object' }] };
  return { ...template, properties: { ...properties, resources } };
}

export class OfflineArmSchemas implements ArmSchemaValidator {
  private readonly ajv: InstanceType<typeof AjvDraft04.default>;
  private readonly indexes = new Map<Scope, Map<string, ResourceSchema>>();
  private readonly compiled = new Map<string, ValidateFunction>();
  private upstreamIndex: Record<string, string[]> | undefined;

  constructor(
    private readonly armSchemasDir: string,
    private readonly files: ReadonlyMap<string, Json>,
    private readonly synthetic: ReadonlySet<string>,
    private readonly childLists: ReadonlyMap<string, readonly string[]>,
  ) {
    // `verbose` puts the offending value on each error, for "(got ...)". Draft-04 knows only a few formats, and
    // these schemas use just `date-time` (RFC 3339, offset required), so only that one is registered.
    this.ajv = new AjvDraft04.default({ strict: false, allErrors: true, verbose: true, validateSchema: false });
    addFormats.default(this.ajv, ['date-time']);
    this.ajv.addKeyword(childNameKeyword());
    const template = files.get(TEMPLATE_URL);
    if (template === undefined) throw new Error(`arm-schemas: ${TEMPLATE_URL} is missing`);
    for (const [url, schema] of files) this.ajv.addSchema(url === TEMPLATE_URL ? envelopeSchema(schema) : schema);
    this.ajv.addSchema({ ...template, id: WHOLE_TEMPLATE_ID });
  }

  validateTemplate(template: unknown): string[] {
    return this.checkTemplate(template, '');
  }

  validateParameters(parameters: unknown): string[] {
    const validate = this.compile(PARAMETERS_URL, () => ({ $ref: PARAMETERS_URL }));
    return validate(parameters) ? [] : formatErrors('', pruneErrors(validate.errors ?? [], this.synthetic));
  }

  /** The whole official deploymentTemplate.json (with the same leniency), for cross-checks and timing. */
  officialTemplateSchema(): ValidateFunction {
    return this.compile(WHOLE_TEMPLATE_ID, () => ({ $ref: WHOLE_TEMPLATE_ID }));
  }

  private compile(key: string, schema: () => Json): ValidateFunction {
    let validate = this.compiled.get(key);
    if (validate === undefined) {
      validate = this.ajv.compile(schema());
      this.compiled.set(key, validate);
    }
    return validate;
  }

  private index(scope: Scope): Map<string, ResourceSchema> {
    let index = this.indexes.get(scope);
    if (index === undefined) {
      index = scope === 'resourceGroup' ? indexResourceGroupScope(this.files) : indexOtherScope(this.files, scope);
      this.indexes.set(scope, index);
    }
    return index;
  }

  /** `label` locates a nested template (`resources[0].properties.template`); '' is the document root. */
  private checkTemplate(template: unknown, label: string): string[] {
    const where = label === '' ? '/' : label;
    if (!isObject(template)) return [`${where}: a template must be a JSON object`];
    const match = typeof template.$schema === 'string' ? TEMPLATE_SCHEMA.exec(template.$schema) : null;
    const scope = match?.[1] === undefined ? undefined : SCOPE_BY_FILE[match[1]];
    if (scope === undefined) {
      return [
        `${where}: unrecognised $schema ${snippet(template.$schema)}; expected .../deploymentTemplate.json# or ` +
          '.../{subscription,managementGroup,tenant}DeploymentTemplate.json#, so this template was NOT validated',
      ];
    }
    // Any `.../deploymentTemplate.json#` (also the older 2015-01-01 one) is checked with the 2019-04-01 schema:
    // it is the resource-group schema ARM documents as current, and the offline set holds no other.
    const envelope = this.compile(TEMPLATE_URL, () => ({ $ref: TEMPLATE_URL }));
    const messages = envelope(template) ? [] : formatErrors(label, pruneErrors(envelope.errors ?? [], this.synthetic));
    const resources = template.resources;
    const entries: [string, unknown][] = Array.isArray(template.resources)
      ? template.resources.map((r, i) => [`resources[${i}]`, r])
      : isObject(resources) ? Object.entries(resources).map(([name, r]) => [`resources['${name}']`, r]) : [];
    for (const [name, resource] of entries) messages.push(...this.checkResource(resource, label === '' ? name : `${label}.${name}`, scope));
    return messages;
  }

  private checkResource(resource: unknown, label: string, scope: Scope): string[] {
    if (!isObject(resource)) return [`${label}: a resource must be a JSON object`];
    const { type, apiVersion } = resource;
    if (typeof type !== 'string' || typeof apiVersion !== 'string') {
      return [`${label}: needs a literal "type" and "apiVersion" to choose its official schema`];
    }
    const where = `${label} (${type}@${apiVersion})`;
    // The type is looked up case-insensitively, as ARM reads it. The definition's own `type` enum stays
    // case-sensitive (no README item relaxes it), so a case slip reads "/type must be equal to ..." rather
    // than "no official schema" (e.g. 2017-05-01-preview declares "microsoft.insights/diagnosticSettings").
    const schema = this.index(scope).get(`${type.toLowerCase()}@${apiVersion}`);
    const messages =
      schema === undefined
        ? [`${where}: ${this.missingSchemaMessage(type, apiVersion, scope)}`]
        : this.checkDefinition(resource, label, schema.ref, schema.base);
    if (type.toLowerCase() === 'microsoft.resources/deployments' && isObject(resource.properties) && isObject(resource.properties.template)) {
      messages.push(...this.checkTemplate(resource.properties.template, `${label}.properties.template`));
    }
    return messages;
  }

  /** Validates against one definition (with `base`, as its official `oneOf` branch does), then its nested children. */
  private checkDefinition(resource: Json, label: string, ref: string, base: string | undefined): string[] {
    const validate = this.compile(`${base ?? ''}|${ref}`, () => {
      const definition = this.perResourceSchema(ref);
      return base === undefined ? definition : { allOf: [{ $ref: base }, definition] };
    });
    const typeAtVersion = `${String(resource.type)}@${String(resource.apiVersion)}`;
    const messages = validate(resource) ? [] : formatErrors(`${label} (${typeAtVersion})`, pruneErrors(validate.errors ?? [], this.synthetic));
    const allowedChildren = this.childLists.get(ref);
    if (allowedChildren !== undefined && Array.isArray(resource.resources)) {
      resource.resources.forEach((child, i) => messages.push(...this.checkNestedChild(child, `${label}.resources[${i}]`, allowedChildren, typeAtVersion)));
    }
    return messages;
  }

  /** `{$ref}` to the definition, or, if it lists nested children, a copy without that list (see `indexNestedChildren`). */
  private perResourceSchema(ref: string): Json {
    if (!this.childLists.has(ref)) return { $ref: ref };
    const [file = ''] = ref.split('#');
    const { target } = resolveRef(this.files, ref, file);
    const copy = absolutizeRefs(target, file) as Json;
    const properties = isObject(copy.properties) ? copy.properties : {};
    return { ...copy, properties: { ...properties, resources: { type: 'array' } } };
  }

  /**
   * A nested child must be one of its parent definition's `*_childResource` definitions (README quirk 6, not relaxed:
   * those live in the parent's file, i.e. at the parent's api-version, with the short type).
   */
  private checkNestedChild(child: unknown, label: string, allowed: readonly string[], parent: string): string[] {
    if (!isObject(child)) return [`${label}: a nested resource must be a JSON object`];
    const { type, apiVersion } = child;
    if (typeof type !== 'string' || typeof apiVersion !== 'string') return [`${label}: needs a literal "type" and "apiVersion" to choose its official schema`];
    const ref = allowed.find((r) => {
      const pins = pinnedTypeAndVersion(resolveRef(this.files, r, '').target);
      return pins.types.some((t) => t.toLowerCase() === type.toLowerCase()) && pins.versions.includes(apiVersion);
    });
    if (ref !== undefined) return this.checkDefinition(child, label, ref, undefined);
    return [
      `${label} (${type}@${apiVersion}): no official schema for nested child ${type}@${apiVersion} under ${parent} in the offline set ` +
        "(the official schema accepts a nested child only with its short type at the parent's api-version, README quirk 6; " +
        "declare it top-level or use the parent's api-version)",
    ];
  }

  /** Says whether the api-version exists upstream (not copied) or nowhere (likely a typo), using upstream-index.json. */
  private missingSchemaMessage(type: string, apiVersion: string, scope: Scope): string {
    const head = `no official schema for ${type}@${apiVersion} in the offline set`;
    const offline = [...this.index(scope).values()].filter((s) => s.type.toLowerCase() === type.toLowerCase()).map((s) => s.apiVersion);
    const known = offline.length > 0 ? `; offline api-versions: ${offline.join(', ')}` : '';
    if (scope !== 'resourceGroup') return `${head} (${scope} scope)${known}`;
    this.upstreamIndex ??= (JSON.parse(readFileSync(join(this.armSchemasDir, 'upstream-index.json'), 'utf8')) as { types: Record<string, string[]> }).types;
    const upstream = this.upstreamIndex[type.toLowerCase()];
    if (upstream === undefined) return `${head}${known}; the type is unknown upstream too (typo?)`;
    if (upstream.slice(1).includes(apiVersion)) return `${head}${known}; upstream has it, but it was not copied into arm-schemas`;
    return `${head}${known}; upstream has no such api-version either (typo?)`;
  }
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { renderYaml, templateOf, type ArmTemplate } from '../helpers/render.js';
import { repoRoot, sharedDir, SHARED_MISSING } from '../support/paths.js';

/**
 * The differences the issue allows between armgen's template and the seed's hand-written template_ua.json,
 * each normalised away explicitly; anything else must be equal.
 */
function normaliseExpression(value: string): string {
  // `resourceID('…/', x)` vs `resourceId('…', x)`: ARM function names are case-insensitive, and the seed's
  // type has a trailing slash that ARM ignores; whitespace between arguments is insignificant.
  return value
    .replace(/\s+/g, '')
    .replace(/^\[(\w+)\(/, (_m, fn: string) => `[${fn.toLowerCase()}(`)
    .replace(/\/'/g, "'");
}

/** Drop blanks (`{}`): the seed writes `"identity": {}` under encryption, which means "no identity"; armgen omits blanks (arm-ttk). */
function dropBlanks(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const inner = dropBlanks(v);
    if (typeof inner === 'object' && inner !== null && !Array.isArray(inner) && Object.keys(inner).length === 0) continue;
    out[k] = inner;
  }
  return out;
}

function normalisedIdentity(resource: Record<string, unknown>): unknown {
  const identity = resource.identity as { type: string; userAssignedIdentities?: Record<string, unknown> };
  return {
    type: identity.type,
    userAssignedIdentities: Object.fromEntries(Object.entries(identity.userAssignedIdentities ?? {}).map(([k, v]) => [normaliseExpression(k), v])),
  };
}

function compareWithSeed(ours: ArmTemplate, seed: ArmTemplate): string[] {
  const problems: string[] = [];
  const seedParams = Object.keys(seed.parameters);
  const ourParams = Object.keys(ours.parameters).filter((p) => p !== 'location');
  if (JSON.stringify(ourParams) !== JSON.stringify(seedParams)) problems.push(`parameters ${JSON.stringify(ourParams)} != ${JSON.stringify(seedParams)}`);
  for (const name of seedParams) {
    const a = ours.parameters[name];
    const b = seed.parameters[name]!;
    if (!a) continue;
    if (String(a.type).toLowerCase() !== String(b.type).toLowerCase()) problems.push(`parameter ${name}: type ${String(a.type)} != ${String(b.type)}`);
    if (JSON.stringify(a.defaultValue) !== JSON.stringify(b.defaultValue)) problems.push(`parameter ${name}: default ${JSON.stringify(a.defaultValue)} != ${JSON.stringify(b.defaultValue)}`);
    if (JSON.stringify(a.metadata) !== JSON.stringify(b.metadata)) problems.push(`parameter ${name}: metadata ${JSON.stringify(a.metadata)} != ${JSON.stringify(b.metadata)}`);
  }
  const location = ours.parameters.location;
  if (!location || location.defaultValue !== '[resourceGroup().location]') problems.push('the added location parameter must default to [resourceGroup().location]');
  if (ours.resources.length !== seed.resources.length) problems.push(`${ours.resources.length} resources != ${seed.resources.length}`);
  seed.resources.forEach((b, i) => {
    const a = ours.resources[i] as Record<string, unknown> | undefined;
    if (!a) return;
    for (const key of ['type', 'apiVersion', 'name'] as const) if (a[key] !== b[key]) problems.push(`resource ${i} ${key}: ${String(a[key])} != ${String(b[key])}`);
    // Allowed: the seed's inline [resourceGroup().location] becomes the location parameter with that default.
    const expectedLocation = b.location === '[resourceGroup().location]' ? "[parameters('location')]" : b.location;
    if (a.location !== expectedLocation) problems.push(`resource ${i} location: ${String(a.location)} != ${String(expectedLocation)}`);
    const ia = JSON.stringify(normalisedIdentity(a));
    const ib = JSON.stringify(normalisedIdentity(b));
    if (ia !== ib) problems.push(`resource ${i} identity: ${ia} != ${ib}`);
    const pa = JSON.stringify(dropBlanks(a.properties));
    const pb = JSON.stringify(dropBlanks(b.properties));
    if (pa !== pb) problems.push(`resource ${i} properties: ${pa} != ${pb}`);
    const extraKeys = Object.keys(a).filter((k) => !(k in b));
    if (extraKeys.length) problems.push(`resource ${i} has keys the seed lacks: ${extraKeys.join(', ')}`);
  });
  return problems;
}

describe('equivalence with the seed: examples/template-ua.yaml renders template_ua.json', () => {
  const pinned = () =>
    `${readFileSync(join(repoRoot, 'examples/template-ua.yaml'), 'utf8')}\napiVersions:\n  Microsoft.Automation/automationAccounts: 2020-01-13-preview\n`;

  it('renders the same parameters, resource, identity and properties as the seed when pinned to 2020-01-13-preview', function () {
    if (!sharedDir) this.skip();
    // GIVEN the built-in example pinned to the seed's API version
    const seed = JSON.parse(readFileSync(join(sharedDir!, 'fixtures/template_ua.json'), 'utf8')) as ArmTemplate;
    // WHEN it is rendered
    const ours = templateOf(renderYaml(pinned(), 'template-ua.yaml'));
    // THEN only the allowed differences remain
    expect(compareWithSeed(ours, seed)).to.deep.equal([]);
    expect((ours.resources[0]!.identity as { type: string }).type).to.equal('SystemAssigned, UserAssigned');
  });

  it('renders the same parameter values as the seed parameter file', function () {
    if (!sharedDir) this.skip();
    const seedParams = JSON.parse(readFileSync(join(sharedDir!, 'fixtures/template_ua.parameters.json'), 'utf8')) as Record<string, unknown>;
    const result = renderYaml(pinned(), 'template-ua.yaml');
    const file = result.artifacts.find((a) => a.path === 'template-ua/azuredeploy.parameters.json')!;
    expect(JSON.parse(file.text)).to.deep.equal(seedParams);
  });

  it('the comparison fails when the identity type is spelled without the space', function () {
    if (!sharedDir) this.skip();
    // GIVEN a copy of our template with the enum spelled as AVM does ('SystemAssigned,UserAssigned')
    const seed = JSON.parse(readFileSync(join(sharedDir!, 'fixtures/template_ua.json'), 'utf8')) as ArmTemplate;
    const ours = templateOf(renderYaml(pinned(), 'template-ua.yaml'));
    (ours.resources[0]!.identity as { type: string }).type = 'SystemAssigned,UserAssigned';
    (ours.resources[0]!.properties as Record<string, unknown>).publicNetworkAccess = true;
    // THEN the comparison reports both differences
    const problems = compareWithSeed(ours, seed);
    expect(problems.some((p) => p.includes('identity'))).to.equal(true);
    expect(problems.some((p) => p.includes('properties'))).to.equal(true);
  });

  before(function () {
    if (!sharedDir) console.log(`      ${SHARED_MISSING}`);
  });
});

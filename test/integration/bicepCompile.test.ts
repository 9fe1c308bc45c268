import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'chai';
import { generateConfig, type ConfigResult } from '../../generator/generate.js';
import { exampleConfigs, renderFile } from '../helpers/render.js';
import { findTool, runTool, TOOL_MISSING } from '../support/tools.js';
import { canonJson } from '../unit/bicep/armExpressionCanon.js';
import { HOSTILE_YAML, LOCATION_ONLY_FOR_ARM_YAML, NETWORK_YAML, SCOPES_YAML } from '../unit/bicep/bicepFixtures.js';
import { ACCESS_KINDS_YAML } from '../helpers/accessKinds.js';

/**
 * The real Bicep compiler on armgen's Bicep output, for every example (plus a config of hostile values):
 * `bicep build` main.bicep and compare the compiled JSON with armgen's azuredeploy.json semantically,
 * `bicep build-params` each .bicepparam and compare with the azuredeploy.parameters*.json, `bicep lint` reports
 * nothing, and `bicep format` leaves every generated file byte-identical. Each step runs once for all files
 * (`--pattern`): the CLI costs 1-2 s to start.
 */
type Ok = Extract<ConfigResult, { ok: true }>;
type Json = Record<string, unknown>;
interface Template {
  $schema: string;
  parameters?: Record<string, Json>;
  resources: Json[] | Record<string, Json>;
  outputs?: Record<string, Json>;
}

const DEPLOYMENTS = 'Microsoft.Resources/deployments';

/** The resources of a template as `type@apiVersion` (nested deployments compare as their type only: Bicep picks their API version). */
function resourceKeys(t: Template): string[] {
  const list = Array.isArray(t.resources) ? t.resources : Object.values(t.resources);
  return list
    .filter((r) => r.existing !== true)
    .map((r) => (r.type === DEPLOYMENTS ? DEPLOYMENTS : `${String(r.type)}@${String(r.apiVersion)}`))
    .sort();
}

function nested(t: Template): Template[] {
  const list = Array.isArray(t.resources) ? t.resources : Object.values(t.resources);
  return list.filter((r) => r.type === DEPLOYMENTS).map((r) => (r.properties as { template: Template }).template);
}

/** Parameters as compared: name -> type (lower case), default, allowed values, limits and description. */
function parameterShape(t: Template): Json {
  const out: Json = {};
  for (const [name, p] of Object.entries(t.parameters ?? {})) {
    out[name] = {
      type: String(p.type).toLowerCase(),
      ...(p.defaultValue !== undefined ? { defaultValue: p.defaultValue } : {}),
      ...(p.allowedValues !== undefined ? { allowedValues: p.allowedValues } : {}),
      ...Object.fromEntries(['minLength', 'maxLength', 'minValue', 'maxValue'].filter((k) => p[k] !== undefined).map((k) => [k, p[k]])),
      description: (p.metadata as Json | undefined)?.description,
    };
  }
  return out;
}

function outputShape(t: Template): Json {
  return Object.fromEntries(Object.entries(t.outputs ?? {}).map(([n, o]) => [n, String(o.type).toLowerCase()]));
}

describe('Bicep output through the real Bicep CLI (build, build-params, lint, format)', function () {
  this.timeout(600_000);
  const bicep = findTool('bicep');
  const results: Ok[] = [];
  let dir = '';
  const built = new Map<string, Template>();
  const builtParams = new Map<string, Json>();
  let lintOutput = '';
  const formatted = new Map<string, string>();
  const deployTimeValues = new Map<string, string>();

  before(function () {
    if (!bicep) {
      console.log(`      ${TOOL_MISSING('bicep')}`);
      this.skip();
    }
    // GIVEN every example (plus configs of hostile values, of every scope kind, of private endpoints, and of webhooks,
    // hybrid workers and source control), rendered in both formats into a temp folder
    dir = mkdtempSync(join(tmpdir(), 'armgen-bicep-'));
    for (const config of exampleConfigs()) {
      const r = renderFile(config);
      if (!r.ok) throw new Error(`${config} is invalid`);
      results.push(r);
    }
    for (const [file, yaml] of [['hostile.yaml', HOSTILE_YAML], ['scopes.yaml', SCOPES_YAML], ['location.yaml', LOCATION_ONLY_FOR_ARM_YAML], ['network.yaml', NETWORK_YAML], ['access.yaml', ACCESS_KINDS_YAML]] as const) {
      const r = generateConfig(file, yaml);
      if (!r.ok) throw new Error(`${file} is invalid`);
      results.push(r);
    }
    for (const r of results) {
      for (const a of r.artifacts) {
        const path = join(dir, a.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, a.text);
      }
    }
    // WHEN the Bicep CLI builds the parameter files (each writes <name>.json next to it, so read those first;
    // parameters the deployment supplies are read from environment variables, set here)...
    for (const r of results) {
      for (const a of r.artifacts.filter((x) => x.path.endsWith('.bicepparam'))) {
        for (const m of a.text.matchAll(/readEnvironmentVariable\('([A-Z0-9_]+)'\)/g)) deployTimeValues.set(m[1]!, `value of ${m[1]!} from the pipeline`);
      }
    }
    for (const [k, v] of deployTimeValues) process.env[k] = v;
    const params = runTool(bicep!, ['build-params', '--pattern', `${dir}/*/*.bicepparam`], { cwd: dir });
    for (const k of deployTimeValues.keys()) delete process.env[k];
    if (params.status !== 0) throw new Error(`bicep build-params failed:\n${params.stderr}`);
    for (const r of results) {
      for (const a of r.artifacts.filter((x) => x.path.endsWith('.bicepparam'))) {
        const json = join(dir, a.path.replace(/\.bicepparam$/, '.json'));
        builtParams.set(a.path, JSON.parse(readFileSync(json, 'utf8')) as Json);
        rmSync(json);
      }
    }
    // ...builds every main.bicep...
    const build = runTool(bicep!, ['build', '--pattern', `${dir}/*/main.bicep`], { cwd: dir });
    if (build.status !== 0) throw new Error(`bicep build failed:\n${build.stderr}`);
    for (const r of results) built.set(r.name, JSON.parse(readFileSync(join(dir, r.name, 'main.json'), 'utf8')) as Template);
    // ...lints every .bicep file (modules included)...
    const lint = runTool(bicep!, ['lint', '--pattern', `${dir}/**/*.bicep`], { cwd: dir });
    lintOutput = `${lint.stdout}${lint.stderr}`.trim();
    if (lint.status !== 0 && !lintOutput) lintOutput = `bicep lint exited ${lint.status}`;
    // ...and formats every .bicep and .bicepparam file in place
    const format = runTool(bicep!, ['format', '--pattern', `${dir}/**/*.bicep*`], { cwd: dir });
    if (format.status !== 0) throw new Error(`bicep format failed:\n${format.stderr}`);
    for (const r of results) for (const a of r.artifacts.filter((x) => /\.bicep(param)?$/.test(x.path))) formatted.set(a.path, readFileSync(join(dir, a.path), 'utf8'));
  });

  after(() => {
    if (dir && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  });

  it('bicep lint reports no warnings or errors for any generated file', () => {
    // THEN the linter (default rules) is silent
    expect(lintOutput).to.equal('');
  });

  it('bicep format leaves every generated .bicep and .bicepparam file byte-identical', () => {
    // THEN formatting changes nothing
    const changed: string[] = [];
    for (const r of results) {
      for (const a of r.artifacts.filter((x) => /\.bicep(param)?$/.test(x.path))) {
        if (formatted.get(a.path) !== a.text) changed.push(`${a.path}:\n--- generated\n${a.text}\n--- formatted\n${formatted.get(a.path)}`);
      }
    }
    expect(changed, changed.join('\n')).to.deep.equal([]);
  });

  describe('the compiled main.json equals armgen\'s azuredeploy.json', () => {
    const armOf = (r: Ok) => JSON.parse(r.artifacts.find((a) => a.path === `${r.name}/azuredeploy.json`)!.text) as Template;
    const each = (fn: (r: Ok, arm: Template, compiled: Template) => void) => () => {
      for (const r of results) fn(r, armOf(r), built.get(r.name)!);
    };

    it('compiles to a classic template (no languageVersion 2.0) at resource-group scope', each((r, arm, compiled) => {
      expect(compiled.$schema, r.name).to.equal(arm.$schema);
      expect((compiled as unknown as Json).languageVersion, r.name).to.equal(undefined);
    }));

    it('has the same parameters: names, types, defaults, allowed values, limits and descriptions', each((r, arm, compiled) => {
      expect(parameterShape(compiled), r.name).to.deep.equal(parameterShape(arm));
    }));

    it('deploys the same resources (type@apiVersion and count; nested deployments as deployments)', each((r, arm, compiled) => {
      expect(resourceKeys(compiled), r.name).to.deep.equal(resourceKeys(arm));
      const armInner = nested(arm);
      const bicepInner = nested(compiled);
      expect(bicepInner.length, `${r.name}: nested deployments`).to.equal(armInner.length);
      armInner.forEach((inner, i) => {
        expect(resourceKeys(bicepInner[i]!), `${r.name}: nested deployment ${i}`).to.deep.equal(resourceKeys(inner));
        expect(bicepInner[i]!.$schema, `${r.name}: nested deployment ${i} schema`).to.equal(inner.$schema);
        // one model, two printers: the module file compiles to the very inner template ARM inlines
        expect(canonJson(bicepInner[i]!.parameters ?? {}), `${r.name}: nested deployment ${i} parameters`).to.deep.equal(canonJson(inner.parameters ?? {}));
        expect(canonJson(bicepInner[i]!.resources), `${r.name}: nested deployment ${i} resources`).to.deep.equal(canonJson(inner.resources));
      });
    }));

    it('has the same outputs (names and types)', each((r, arm, compiled) => {
      expect(outputShape(compiled), r.name).to.deep.equal(outputShape(arm));
    }));

    it('gives every resource the same name, scope, location, tags, identity, properties and dependencies', each((r, arm, compiled) => {
      // Compared after canonicalising spellings that evaluate the same (test/unit/bicep/armExpressionCanon.ts): symbol
      // references compile to extensionResourceId()/format(), armgen writes resourceId()/concat().
      // Bicep writes resources before modules; pair them by type and (canonical) name, not by position.
      const armList = arm.resources as Json[];
      const key = (x: Json) => `${String(x.type).toLowerCase()} ${JSON.stringify(canonJson(x.name))}`;
      const bicepByKey = new Map((compiled.resources as Json[]).map((x) => [key(x), x]));
      expect([...bicepByKey.keys()].sort(), `${r.name}: resources by type and name`).to.deep.equal(armList.map(key).sort());
      armList.forEach((a, i) => {
        const b = bicepByKey.get(key(a))!;
        if (a.type !== DEPLOYMENTS) {
          const ca = canonJson(a) as Json;
          const cb = canonJson(b) as Json;
          // Bicep adds the dependency a `parent:` implies; armgen's ARM may reach the parent through a chain
          // (a second federated credential waits for the first, which waits for the identity). Only that extra
          // dependency is allowed.
          const parentType = String(a.type).split('/').slice(0, -1).join('/');
          const armDeps = (ca.dependsOn as string[] | undefined) ?? [];
          const extra = ((cb.dependsOn as string[] | undefined) ?? []).filter((d) => !armDeps.includes(d));
          for (const d of extra) expect(d, `${r.name}: resource ${i} extra dependency`).to.match(new RegExp(`^\\[resourceid\\('${parentType}', [^,]+\\)\\]$`));
          const { dependsOn: _a, ...restA } = ca;
          const { dependsOn: bDeps, ...restB } = cb;
          expect(restB, `${r.name}: resource ${i} (${String(a.type)})`).to.deep.equal(restA);
          expect(((bDeps as string[] | undefined) ?? []).filter((d) => !extra.includes(d)), `${r.name}: resource ${i} dependsOn`).to.deep.equal(armDeps);
          return;
        }
        // A module: same deployment name, target, location and dependencies, and the same values handed to the
        // inner template: a deployment keeps one name and one location whichever format deployed it.
        const pick = (x: Json) => ({ name: x.name, subscriptionId: x.subscriptionId, resourceGroup: x.resourceGroup, location: x.location, dependsOn: x.dependsOn ?? [] });
        expect(canonJson(pick(b)), `${r.name}: deployment ${i}`).to.deep.equal(canonJson(pick(a)));
        const params = (x: Json) => (x.properties as { parameters: Json }).parameters;
        expect(canonJson(params(b)), `${r.name}: deployment ${i} parameters`).to.deep.equal(canonJson(params(a)));
      });
    }));

    it('computes the same output values', each((r, arm, compiled) => {
      expect(canonJson(compiled.outputs), r.name).to.deep.equal(canonJson(arm.outputs));
    }));
  });

  it('bicep build-params turns every .bicepparam into the values of the matching ARM parameter file', () => {
    for (const r of results) {
      for (const a of r.artifacts.filter((x) => x.path.endsWith('.bicepparam'))) {
        const armPath = a.path.replace(/main(\.[^.]+)?\.bicepparam$/, (_, env: string | undefined) => `azuredeploy.parameters${env ?? ''}.json`);
        const arm = JSON.parse(r.artifacts.find((x) => x.path === armPath)!.text) as Json;
        // THEN values and Key Vault references are the same JSON; parameters the ARM file leaves to the
        // deployment come from environment variables in the .bicepparam
        const compiled = { ...(builtParams.get(a.path)!.parameters as Record<string, { value?: unknown }>) };
        for (const m of a.text.matchAll(/^param (\w+) = readEnvironmentVariable\('([A-Z0-9_]+)'\)$/gm)) {
          expect(compiled[m[1]!]?.value, `${a.path} ${m[1]!}`).to.equal(deployTimeValues.get(m[2]!));
          expect((arm.parameters as Json)[m[1]!], `${armPath} leaves ${m[1]!} to the deployment`).to.equal(undefined);
          delete compiled[m[1]!];
        }
        expect(compiled, a.path).to.deep.equal(arm.parameters);
      }
    }
  });
});

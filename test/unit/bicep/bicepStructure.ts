import { expect } from 'chai';
import type { ArmTemplate } from '../../helpers/render.js';
/**
 * A small reader for the Bicep armgen writes (tests only): top-level `param`, `resource`, `module` and `output`
 * declarations with their decorators, and a parser for literal values (strings, numbers, booleans, null,
 * multi-line objects and arrays). Enough to compare a generated main.bicep with the ARM JSON it must equal.
 */
export interface BicepParam {
  readonly name: string;
  readonly type: string;
  readonly secure: boolean;
  /** The default's text, as written (multi-line for objects and arrays). */
  readonly defaultText?: string;
}

export interface BicepResource {
  readonly symbol: string;
  readonly keyword: 'resource' | 'module';
  /** `type@apiVersion` for resources, the module path for modules. */
  readonly target: string;
  readonly existing: boolean;
  readonly body: string;
}

export interface BicepOutput {
  readonly name: string;
  readonly type: string;
}

export interface BicepFile {
  readonly targetScope?: string;
  readonly params: BicepParam[];
  readonly resources: BicepResource[];
  readonly outputs: BicepOutput[];
}

/** Reads a block that starts on line `i` and may continue (an object/array/call opened at the end). */
function block(lines: readonly string[], i: number): { text: string; end: number } {
  let depth = 0;
  let text = '';
  let j = i;
  for (; j < lines.length; j++) {
    const line = lines[j]!;
    text += (j === i ? '' : '\n') + line;
    depth += depthChange(line);
    if (depth <= 0) break;
  }
  return { text, end: j };
}

/**
 * Net change of ({[ nesting on one line, outside string literals. Interpolations (`'a${f('(')}b'`) are code
 * again, with strings of their own, so a mode stack tracks string / interpolation nesting.
 */
function depthChange(line: string): number {
  let depth = 0;
  const modes: ('string' | 'interp')[] = [];
  const interpBraces: number[] = [];
  for (let k = 0; k < line.length; k++) {
    const c = line[k]!;
    const mode = modes[modes.length - 1];
    if (mode === 'string') {
      if (c === '\\') k++;
      else if (c === "'") modes.pop();
      else if (c === '$' && line[k + 1] === '{') {
        modes.push('interp');
        interpBraces.push(0);
        k++;
      }
      continue;
    }
    if (c === "'") modes.push('string');
    else if (mode === 'interp' && c === '{') interpBraces[interpBraces.length - 1]!++;
    else if (mode === 'interp' && c === '}') {
      if (interpBraces[interpBraces.length - 1] === 0) {
        modes.pop();
        interpBraces.pop();
      } else interpBraces[interpBraces.length - 1]!--;
    } else if (mode === undefined && '({['.includes(c)) depth++;
    else if (mode === undefined && ')}]'.includes(c)) depth--;
  }
  return depth;
}

export function parseBicep(text: string): BicepFile {
  const lines = text.split('\n');
  const params: BicepParam[] = [];
  const resources: BicepResource[] = [];
  const outputs: BicepOutput[] = [];
  let targetScope: string | undefined;
  let decorators: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '' || line.startsWith('#disable-next-line')) {
      if (line === '') decorators = [];
      continue;
    }
    if (line.startsWith('@')) {
      const b = block(lines, i);
      decorators.push(b.text);
      i = b.end;
      continue;
    }
    let m = /^targetScope = '([^']+)'$/.exec(line);
    if (m) {
      targetScope = m[1]!;
      continue;
    }
    m = /^param (\w+) (\w+\??)(?: = (.*))?$/.exec(line);
    if (m) {
      const b = m[3] !== undefined ? block(lines, i) : { text: line, end: i };
      const defaultText = m[3] !== undefined ? b.text.slice(b.text.indexOf(' = ') + 3) : undefined;
      params.push({ name: m[1]!, type: m[2]!, secure: decorators.includes('@secure()'), ...(defaultText !== undefined ? { defaultText } : {}) });
      i = b.end;
      decorators = [];
      continue;
    }
    m = /^resource (\w+) '([^']+)'( existing)? = (?:if \(.*\) )?\{$/.exec(line);
    if (m) {
      const b = block(lines, i);
      resources.push({ symbol: m[1]!, keyword: 'resource', target: m[2]!, existing: Boolean(m[3]), body: b.text });
      i = b.end;
      decorators = [];
      continue;
    }
    m = /^module (\w+) '([^']+)' = \{$/.exec(line);
    if (m) {
      const b = block(lines, i);
      resources.push({ symbol: m[1]!, keyword: 'module', target: m[2]!, existing: false, body: b.text });
      i = b.end;
      decorators = [];
      continue;
    }
    m = /^output (\w+) (\w+) = /.exec(line);
    if (m) {
      outputs.push({ name: m[1]!, type: m[2]! });
      i = block(lines, i).end;
      decorators = [];
      continue;
    }
    throw new Error(`unexpected top-level line ${i + 1}: ${line}`);
  }
  return { ...(targetScope ? { targetScope } : {}), params, resources, outputs };
}

/**
 * A literal Bicep value (as armgen writes literals) -> JSON; undefined when the text is an expression.
 */
export function parseBicepLiteral(text: string): { value: unknown } | undefined {
  let pos = 0;
  const fail = (): never => {
    throw new SyntaxError(`not a literal at ${pos}: ${text.slice(pos, pos + 20)}`);
  };
  const ws = () => {
    while (pos < text.length && /\s/.test(text[pos]!)) pos++;
  };
  const stringLit = (): string => {
    if (text[pos] !== "'") fail();
    pos++;
    let out = '';
    for (;;) {
      const c = text[pos++];
      if (c === undefined) fail();
      if (c === "'") return out;
      if (c === '$' && text[pos] === '{') fail(); // interpolation: an expression
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = text[pos++];
      if (e === 'n') out += '\n';
      else if (e === 'r') out += '\r';
      else if (e === 't') out += '\t';
      else if (e === 'u') {
        const end = text.indexOf('}', pos);
        out += String.fromCodePoint(parseInt(text.slice(pos + 1, end), 16));
        pos = end + 1;
      } else out += e;
    }
  };
  const value = (): unknown => {
    ws();
    const c = text[pos];
    if (c === "'") return stringLit();
    if (c === '{') {
      pos++;
      const o: Record<string, unknown> = {};
      for (;;) {
        ws();
        if (text[pos] === '}') {
          pos++;
          return o;
        }
        let key: string;
        if (text[pos] === "'") key = stringLit();
        else {
          const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(pos)) ?? fail();
          key = m[0];
          pos += key.length;
        }
        if (text[pos] !== ':') fail();
        pos++;
        o[key] = value();
      }
    }
    if (c === '[') {
      pos++;
      const a: unknown[] = [];
      for (;;) {
        ws();
        if (text[pos] === ']') {
          pos++;
          return a;
        }
        a.push(value());
        ws();
        if (text[pos] === ',') pos++;
      }
    }
    const m = /^(-?\d+|true|false|null)(?![A-Za-z0-9_(.])/.exec(text.slice(pos)) ?? fail();
    pos += m[0].length;
    return m[0] === 'true' ? true : m[0] === 'false' ? false : m[0] === 'null' ? null : Number(m[0]);
  };
  try {
    const v = value();
    ws();
    return pos === text.length ? { value: v } : undefined;
  } catch (err) {
    if (err instanceof SyntaxError) return undefined;
    throw err;
  }
}

const ARM_TYPE: Readonly<Record<string, { type: string; secure: boolean }>> = {
  string: { type: 'string', secure: false },
  securestring: { type: 'string', secure: true },
  int: { type: 'int', secure: false },
  bool: { type: 'bool', secure: false },
  object: { type: 'object', secure: false },
  secureobject: { type: 'object', secure: true },
  array: { type: 'array', secure: false },
};

/** The JSON a template's default stands for: `[[x]` is the literal `[x]`; `[expr]` is an expression text. */
function armDefault(value: unknown): { literal: unknown } | { expression: string } {
  if (typeof value === 'string' && !value.startsWith('[[') && value.startsWith('[') && value.endsWith(']')) return { expression: value.slice(1, -1) };
  return { literal: unescapeArm(value) };
}

/** ARM's `[[` escape, undone at every depth (keys included). */
function unescapeArm(value: unknown): unknown {
  if (typeof value === 'string') return value.startsWith('[[') ? value.slice(1) : value;
  if (Array.isArray(value)) return value.map(unescapeArm);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [unescapeArm(k) as string, unescapeArm(v)]));
  return value;
}

/** Same parameters (names, order, types, secure-ness, defaults) in the ARM template and main.bicep. */
export function expectSameParameters(arm: ArmTemplate, bicep: BicepFile, where: string): void {
  expect(bicep.params.map((p) => p.name), `${where}: parameter names`).to.deep.equal(Object.keys(arm.parameters));
  for (const p of bicep.params) {
    const a = arm.parameters[p.name]!;
    const expected = ARM_TYPE[String(a.type).toLowerCase()];
    expect({ type: p.type, secure: p.secure }, `${where}: type of parameter ${p.name}`).to.deep.equal(expected);
    expect(p.defaultText !== undefined, `${where}: parameter ${p.name} has a default in one file only`).to.equal('defaultValue' in a);
    if (p.defaultText === undefined) continue;
    const d = armDefault(a.defaultValue);
    if ('expression' in d) {
      expect(p.defaultText, `${where}: default of ${p.name}`).to.equal(d.expression);
    } else {
      const parsed = parseBicepLiteral(p.defaultText);
      expect(parsed, `${where}: default of ${p.name} should be a literal: ${p.defaultText}`).to.not.equal(undefined);
      expect(parsed!.value, `${where}: default of ${p.name}`).to.deep.equal(d.literal);
    }
  }
}


/** A config full of hostile values: quotes, ${...}, backslashes, newlines, tabs, non-ASCII, emoji, keyword-like names. */
export const HOSTILE_YAML = `description: hostile values
parameters:
  automationAccountName:
    type: string
    defaultValue: "aa-hostile"
    description: "O'Brien's account \${x} $x C:\\\\temp\\\\ line1\\nline2\\ttab Größe 🚀"
  tags:
    type: object
    defaultValue:
      "true": "\${notAnInterpolation}"
      cost-center: "O'Brien"
      path: "C:\\\\ops\\\\"
      multi: "a\\nb\\r\\nc\\td"
      unicode: "Ünïcödé – 日本語 🚀"
      if: "[notAnExpression]"
    description: "Tags\\nfor every resource"
  skuName:
    type: string
    defaultValue: "a'b"
    allowedValues: ["a'b", "\${c}", "d\\\\e"]
    description: Allowed values with quotes
  deployTimeSecret:
    type: securestring
    description: "Passed at deployment time: no value in any parameter file"
identities:
  - name: resource
    resourceName: uai-resource
    create: true
    tags: { param: tags }
    federatedCredentials:
      - name: first
        issuer: https://token.actions.githubusercontent.com
        subject: "repo:contoso/o'brien:ref:refs/heads/\${{ main }}"
      - name: second
        issuer: https://token.actions.githubusercontent.com
        subject: repo:contoso/ops:environment:prod
automationAccount:
  name: { param: automationAccountName }
  tags: { param: tags }
  sku: { param: skuName }
  identity:
    systemAssigned: true
    userAssigned: [resource]
roleAssignments:
  - identity: resource
    role: Reader
    scope: { kind: resourceGroup }
    description: "O'Brien needs \${read} access\\n(really)"
  - identity: system
    role: Automation Contributor
    scope: { kind: automationAccount }
variables:
  - name: "O'Brien \${x}"
    value: { param: deployTimeSecret }
    description: "a\\\\b\\nc"
`;


/** Every kind of scope armgen turns into a module or an `existing` declaration, with IDs and names from parameters. */
export const SCOPES_YAML = `parameters:
  opsId:
    type: string
    defaultValue: /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-x/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uai-x
  targetRg:
    type: string
    defaultValue: rg-target
  vmName:
    type: string
    defaultValue: vm-1
identities:
  - name: ops
    resourceId: { param: opsId }
automationAccount:
  name: aa-edge-01
  identity:
    userAssigned: [ops]
roleAssignments:
  - { identity: ops, role: Reader, scope: { kind: resourceGroup, name: { param: targetRg } } }
  - { identity: ops, role: Reader, scope: { kind: subscription, subscriptionId: 33333333-3333-3333-3333-333333333333 } }
  - { identity: ops, role: Virtual Machine Contributor, scope: { kind: resource, type: Microsoft.Compute/virtualMachines, name: { param: vmName }, resourceGroup: rg-vms } }
  - { identity: ops, role: Storage Blob Data Reader, scope: { kind: resource, type: Microsoft.Storage/storageAccounts, name: stacct01, resourceGroup: rg-st, subscriptionId: 44444444-4444-4444-4444-444444444444 } }
`;

/** A literal account location with a subscription-scope assignment: `location` serves only ARM's nested deployment. */
export const LOCATION_ONLY_FOR_ARM_YAML = `identities:
  - { name: ops, resourceName: uai-ops }
automationAccount:
  name: aa-loc-01
  location: westeurope
  identity: { userAssigned: [ops] }
roleAssignments:
  - { identity: ops, role: Reader, scope: { kind: subscription } }
`;

/**
 * Private endpoints and a created Log Analytics workspace in every shape the Bicep printer must handle: an endpoint in
 * the deployment's group on a parameter subnet and zone, manual and automatic endpoints in other groups (two module
 * files), and a workspace created and linked beside the account.
 */
export const NETWORK_YAML = `parameters:
  subnetId:
    type: string
    defaultValue: /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-pe
  zoneId:
    type: string
    defaultValue: /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.azure-automation.net
automationAccount:
  name: aa-network-01
  tags: { team: network }
privateEndpoints:
  - { service: Webhook, subnetId: { param: subnetId }, privateDnsZoneId: { param: zoneId } }
  - service: DSCAndHybridWorker
    subnetId: /subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/snet-pe
    resourceGroup: rg-spoke
    location: northeurope
    manualApproval: true
    tags: { tier: "it's [private]" }
  - service: Webhook
    name: pep-spoke-webhook
    subnetId: /subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/snet-pe
    resourceGroup: rg-spoke
logAnalytics:
  createWorkspace: { name: law-network-01, retentionInDays: 45 }
`;

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { createReporter } from '../../../generator/commands/report.js';
import { generateConfig } from '../../../generator/generate.js';
import { ACCESS_KINDS_YAML } from '../../helpers/accessKinds.js';
import { repoRoot } from '../../support/paths.js';

/**
 * Webhook URIs and source-control tokens are secrets: they may only come from securestring parameters (a Key Vault
 * reference in parameter files), and no rendered file, committed output or diagnostic may hold one in clear.
 */
const URI_SECRET = 'https://0d5bb4b1-0000-4000-8000-000000000000.webhook.we.azure-automation.net/webhooks?token=Wh00kT0k3nMarker';
const TOKEN_SECRET = 'ghp_S3cr3tT0k3nMarker';
/** What a webhook URI or a GitHub/Azure DevOps token looks like, wherever it came from. */
const SECRET_SHAPES = [/webhook\.[a-z0-9-]+\.azure-automation\.net/i, /[?&]token=/i, /ghp_[A-Za-z0-9]/, /Wh00kT0k3nMarker|S3cr3tT0k3nMarker/];

type Json = Record<string, unknown>;

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : [join(dir, f)]));
}

/** Each webhook `uri` and source-control token of an ARM template (nested templates included), with the template's parameters. */
function secretSlots(template: Json): { value: unknown; parameters: Json }[] {
  const parameters = (template.parameters ?? {}) as Json;
  return ((template.resources ?? []) as Json[]).flatMap((r) => {
    const props = (r.properties ?? {}) as Json;
    if (r.type === 'Microsoft.Resources/deployments') return secretSlots(props.template as Json);
    if (String(r.type).endsWith('/webhooks') && 'uri' in props) return [{ value: props.uri, parameters }];
    const token = props.securityToken as Json | undefined;
    if (!String(r.type).endsWith('/sourceControls') || !token) return [];
    return ['accessToken', 'refreshToken'].filter((k) => k in token).map((k) => ({ value: token[k], parameters }));
  });
}

/** Every slot reads a securestring parameter, and every parameter file gives such a parameter from Key Vault, or not at all. */
function expectSecretsOnlyFromSecureParameters(files: Record<string, string>): number {
  let slots = 0;
  for (const [path, text] of Object.entries(files)) {
    if (!/azuredeploy\.json$/.test(path)) continue;
    for (const slot of secretSlots(JSON.parse(text) as Json)) {
      slots++;
      const name = /^\[parameters\('([A-Za-z0-9_]+)'\)\]$/.exec(String(slot.value))?.[1];
      expect(name, `${path}: ${JSON.stringify(slot.value)}`).to.be.a('string');
      expect((slot.parameters[name!] as Json).type, `${path}: ${name}`).to.equal('securestring');
      for (const [paramPath, paramText] of Object.entries(files).filter(([p]) => p.includes('azuredeploy.parameters'))) {
        const given = ((JSON.parse(paramText) as Json).parameters as Record<string, Json>)[name!];
        if (given) expect(Object.keys(given), `${paramPath}: ${name}`).to.deep.equal(['reference']);
      }
    }
  }
  return slots;
}

describe('webhook URIs and source-control tokens never appear in clear', () => {
  it('GIVEN the access-kinds config WHEN rendered THEN every URI and token slot reads a securestring parameter filled from Key Vault, and no file holds a secret', () => {
    const result = generateConfig('access.yaml', ACCESS_KINDS_YAML);
    if (!result.ok) throw new Error('the access-kinds config must render');
    const files = Object.fromEntries(result.artifacts.map((a) => [a.path, a.text]));
    expect(expectSecretsOnlyFromSecureParameters(files)).to.equal(2);
    for (const [path, text] of Object.entries(files)) for (const shape of SECRET_SHAPES) expect(text, `${path} ${shape}`).not.to.match(shape);
    expect(files['access/main.bicepparam']).to.include("param githubToken = az.getSecret('11111111-1111-1111-1111-111111111111', 'rg-secrets', 'kv-access', 'github-token')");
  });

  it('GIVEN the committed out/ folder THEN no file holds a webhook URI or a token, and every slot there reads a securestring parameter', () => {
    const files = Object.fromEntries(filesUnder(join(repoRoot, 'out')).map((f) => [f.slice(repoRoot.length + 1), readFileSync(f, 'utf8')]));
    // out/maximal has source control: at least one slot is checked
    expect(expectSecretsOnlyFromSecureParameters(files)).to.be.greaterThan(0);
    for (const [path, text] of Object.entries(files)) for (const shape of SECRET_SHAPES) expect(text, `${path} ${shape}`).not.to.match(shape);
  });

  const mistakes: Record<string, string> = {
    'a URI and a token as secure defaults, values and environment values': `parameters:
  hookUri: { type: securestring, defaultValue: '${URI_SECRET}', value: '${URI_SECRET}' }
  pat: { type: securestring, value: ${TOKEN_SECRET} }
environments:
  prod:
    parameters: { hookUri: '${URI_SECRET}', pat: ${TOKEN_SECRET} }
`,
    'a URI and a token in plain string parameters': `parameters:
  hookUri: { type: string, defaultValue: '${URI_SECRET}' }
  pat: { type: string, defaultValue: ${TOKEN_SECRET} }
`,
  };
  for (const [what, parameters] of Object.entries(mistakes)) {
    it(`GIVEN ${what} THEN it is refused, and no diagnostic (human or SARIF) quotes either secret`, () => {
      const yaml = `${parameters}automationAccount:
  name: aa-secrets-01
  disableLocalAuth: false
  identity: { systemAssigned: true }
runbooks:
  - { name: Hooked, type: PowerShell, uri: https://example.org/h.ps1 }
webhooks:
  - { name: hook, runbook: Hooked, uri: { param: hookUri } }
sourceControls:
  - { name: repo, sourceType: GitHub, repoUrl: https://github.com/c/r.git, branch: main, folderPath: /r, description: d, securityToken: { accessToken: { param: pat } } }
`;
      const result = generateConfig('secrets.yaml', yaml);
      let human = '';
      let sarif = '';
      createReporter({ stdout: () => undefined, stderr: (t: string) => (human += t) }, 'human').diagnostics(result.diagnostics);
      createReporter({ stdout: (t: string) => (sarif += t), stderr: () => undefined }, 'sarif').diagnostics(result.diagnostics);
      expect(result.ok).to.equal(false);
      expect(result.diagnostics.filter((d) => d.code === 'AG303').length, human).to.be.greaterThan(1);
      for (const shape of SECRET_SHAPES) {
        expect(human).not.to.match(shape);
        expect(sarif).not.to.match(shape);
      }
    });
  }
});

import { expect } from 'chai';
import { exampleConfigs, renderFile, templateOf, type ArmResourceJson, type ArmTemplate } from '../../helpers/render.js';
import { parseBicepLiteral } from './bicepLiteral.js';
import { parseBicep, type BicepFile } from './bicepReader.js';
import { expectSameParameters } from './bicepStructure.js';

type Ok = Extract<ReturnType<typeof renderFile>, { ok: true }>;

function artifact(result: Ok, path: string): string {
  const file = result.artifacts.find((a) => a.path === `${result.name}/${path}`);
  if (!file) throw new Error(`${result.name}/${path} was not rendered`);
  return file.text;
}

const typeApi = (r: ArmResourceJson) => `${r.type}@${r.apiVersion}`;
const sorted = (xs: string[]) => [...xs].sort();

describe('Bicep output is structurally equivalent to the ARM output, for every example', () => {
  for (const config of exampleConfigs()) {
    describe(config, () => {
      let result: Ok;
      let arm: ArmTemplate;
      let bicep: BicepFile;
      before(() => {
        // GIVEN an example config rendered in both formats
        const r = renderFile(config);
        if (!r.ok) throw new Error(`${config} must be valid`);
        result = r;
        arm = templateOf(r);
        // WHEN main.bicep is read back
        bicep = parseBicep(artifact(r, 'main.bicep'));
      });

      it('declares the same parameters with the same types, defaults and secure-ness', () => {
        // THEN every ARM parameter has its Bicep twin
        expectSameParameters(arm, bicep, config);
      });

      it('deploys the same resources (type@apiVersion), one symbol per ARM resource, modules for nested deployments', () => {
        // THEN non-deployment resources match by type and API version...
        const deployed = bicep.resources.filter((r) => !r.existing);
        const armPlain = arm.resources.filter((r) => r.type !== 'Microsoft.Resources/deployments');
        expect(sorted(deployed.filter((r) => r.keyword === 'resource').map((r) => r.target)), 'resources').to.deep.equal(sorted(armPlain.map(typeApi)));
        // ...there is one Bicep symbol per ARM resource, and each nested deployment is a module
        expect(deployed.length, 'symbol count').to.equal(arm.resources.length);
        const armNested = arm.resources.filter((r) => r.type === 'Microsoft.Resources/deployments');
        const modules = deployed.filter((r) => r.keyword === 'module');
        expect(modules.length, 'modules').to.equal(armNested.length);
        // ...and every module file exists and deploys what the ARM inner template deploys
        modules.forEach((m, i) => {
          // Both files list resources in the model's order, so the i-th module is the i-th nested deployment.
          const inner = armNested[i]!;
          const file = parseBicep(artifact(result, m.target));
          const innerTemplate = (inner.properties as { template: ArmTemplate }).template;
          expect(file.resources.filter((r) => !r.existing).map((r) => r.target), `${m.target} resources`).to.deep.equal(innerTemplate.resources.map(typeApi));
          expect(file.targetScope === 'subscription', `${m.target} targetScope`).to.equal(innerTemplate.$schema.includes('subscriptionDeploymentTemplate'));
          // ...with the same parameter table, and the module call passes exactly what the ARM deployment passes
          expect(file.params.map((p) => p.name), `${m.target} parameters`).to.deep.equal(Object.keys(innerTemplate.parameters));
          for (const name of Object.keys((inner.properties as { parameters: object }).parameters)) {
            expect(m.body, `${m.symbol} passes ${name}`).to.match(new RegExp(`\\n    ${name}: `));
          }
        });
      });

      it('declares the same outputs with the same types', () => {
        // THEN outputs match in name, order and type
        expect(bicep.outputs.map((o) => `${o.name}:${o.type}`)).to.deep.equal(Object.entries(arm.outputs).map(([n, o]) => `${n}:${o.type}`));
      });

      it('writes one .bicepparam per ARM parameter file, setting the same parameters', () => {
        // THEN main.bicepparam / main.<env>.bicepparam mirror azuredeploy.parameters[.<env>].json
        const armFiles = result.artifacts.filter((a) => /\/azuredeploy\.parameters(\.[^.]+)?\.json$/.test(a.path));
        for (const a of armFiles) {
          const env = /azuredeploy\.parameters\.([^.]+)\.json$/.exec(a.path)?.[1];
          const text = artifact(result, env ? `main.${env}.bicepparam` : 'main.bicepparam');
          expect(text.startsWith("using 'main.bicep'\n"), 'using line').to.equal(true);
          const names = [...text.matchAll(/^param (\w+) = /gm)].map((m) => m[1]);
          const armParams = (JSON.parse(a.text) as { parameters: Record<string, { value?: unknown; reference?: unknown }> }).parameters;
          expect(names, a.path).to.deep.equal(Object.keys(armParams));
          for (const [name, v] of Object.entries(armParams)) {
            const line = new RegExp(`^param ${name} = ([\\s\\S]*?)(?=\\nparam |\\n$)`, 'm').exec(text)![1]!;
            if (v.reference) {
              expect(line, `${name} is a Key Vault reference`).to.match(/^az\.getSecret\(/);
            } else {
              expect(parseBicepLiteral(line)?.value, `${a.path} ${name}`).to.deep.equal(v.value);
            }
          }
        }
      });
    });
  }
});

import { expect } from 'chai';
import { exampleConfigs, renderFile } from '../helpers/render.js';
import { loadArmSchemaValidator, onlyUncopied } from '../support/armSchemas.js';
import { sharedDir, SHARED_MISSING } from '../support/paths.js';

describe("official-schema conformance: every rendered template and parameter file validates against Microsoft's ARM schemas", () => {
  before(function () {
    if (!sharedDir) {
      console.log(`      ${SHARED_MISSING}`);
      this.skip();
    }
  });

  for (const config of exampleConfigs()) {
    it(`${config}: every ARM file is accepted by deploymentTemplate/deploymentParameters and the resource schemas`, function () {
      this.timeout(120_000);
      // GIVEN the offline official schemas WHEN an example is rendered
      const validator = loadArmSchemaValidator(sharedDir!);
      const result = renderFile(config);
      expect(result.ok).to.equal(true);
      if (!result.ok) return;
      // THEN each ARM artifact validates with no errors
      for (const a of result.artifacts) {
        if (!a.path.endsWith('.json')) continue;
        const json = JSON.parse(a.text) as unknown;
        const errors = a.path.includes('.parameters') ? validator.validateParameters(json) : validator.validateTemplate(json);
        const checked = errors.filter((e) => !onlyUncopied(e));
        expect(checked, `${a.path}:\n${checked.join('\n')}`).to.deep.equal([]);
      }
    });
  }

  it('tolerates a type outside the offline set only at an API version upstream has, so a typo still fails', function () {
    const validator = loadArmSchemaValidator(sharedDir!);
    const endpoint = (apiVersion: string) => ({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [{ type: 'Microsoft.Network/privateEndpoints', apiVersion, name: 'pep', location: 'westeurope', properties: {} }],
    });
    expect(validator.validateTemplate(endpoint('2025-07-01')).filter((e) => !onlyUncopied(e))).to.deep.equal([]);
    expect(validator.validateTemplate(endpoint('2025-07-02')).filter((e) => !onlyUncopied(e))).to.have.length(1);
  });

  it('rejects an invalid SKU, so the check can fail', function () {
    const validator = loadArmSchemaValidator(sharedDir!);
    const result = renderFile('examples/template-ua.yaml');
    if (!result.ok) throw new Error('example must be valid');
    const template = JSON.parse(result.artifacts.find((a) => a.path.endsWith('azuredeploy.json'))!.text) as { resources: { properties: { sku: { name: string } } }[] };
    template.resources[0]!.properties.sku.name = 'Premium';
    expect(validator.validateTemplate(template).join('\n')).to.match(/sku/);
  });
});

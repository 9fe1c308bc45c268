import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { checkName, nameRules } from '../../../generator/azure/naming.js';
import { AUTOMATION_GROUP_IDS, AUTOMATION_PRIVATE_DNS_ZONES, AZURE_MONITOR_AUTOMATION_ZONE } from '../../../generator/azure/privateLink.js';
import { deployedTypes } from '../../../generator/azure/resourceTypes.js';
import { retiredFeatureMessage, retiredFeatureOfKey } from '../../../generator/azure/retiredFeatures.js';
import { repoRoot, sharedDir, SHARED_MISSING } from '../../support/paths.js';

const NETWORK_TYPES = [
  'Microsoft.Network/privateEndpoints',
  'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
  'Microsoft.OperationalInsights/workspaces',
  'Microsoft.OperationalInsights/workspaces/linkedServices',
] as const;

describe('Azure facts for private endpoints, the workspace link and retired features', () => {
  it("GIVEN the config schema THEN its private-endpoint services are exactly Automation's group IDs", () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas/armgen.schema.json'), 'utf8')) as { definitions: { privateEndpoint: { properties: { service: { enum: string[] } } } } };
    expect(schema.definitions.privateEndpoint.properties.service.enum).to.deep.equal(Object.keys(AUTOMATION_GROUP_IDS));
  });

  it('GIVEN the longest account name (50) THEN every default endpoint name is a valid private endpoint name (at most 64)', () => {
    const account = `a${'b'.repeat(48)}c`;
    for (const { token } of Object.values(AUTOMATION_GROUP_IDS)) {
      expect(checkName(nameRules.privateEndpoint, `pep-${account}-${token}`), token).to.equal(undefined);
    }
    expect(checkName(nameRules.privateEndpoint, `pep-${account}-dscandhybridworker`)).to.match(/2-64 characters/);
  });

  it("GIVEN Automation's DNS zones THEN the Azure Monitor agent zone is not one of them", () => {
    expect(AUTOMATION_PRIVATE_DNS_ZONES).to.deep.equal(['privatelink.azure-automation.net', 'privatelink.azure-automation.us']);
    expect(AUTOMATION_PRIVATE_DNS_ZONES).not.to.include(AZURE_MONITOR_AUTOMATION_ZONE);
  });

  it('GIVEN upstream-index.json THEN each network and workspace type is deployed at its newest stable API version', function () {
    if (!sharedDir) {
      console.log(`      ${SHARED_MISSING}`);
      this.skip();
    }
    const index = (JSON.parse(readFileSync(join(sharedDir!, 'arm-schemas', 'upstream-index.json'), 'utf8')) as { types: Record<string, string[]> }).types;
    for (const type of NETWORK_TYPES) {
      const [canonical, ...versions] = index[type.toLowerCase()]!;
      expect(canonical, type).to.equal(type);
      const stable = versions.filter((v) => !v.endsWith('-preview')).sort();
      expect(deployedTypes[type], type).to.equal(stable.at(-1));
    }
  });

  it('GIVEN a key naming Update Management or gallery solutions, in any case THEN the retirement is named with its date, replacement and source', () => {
    for (const key of ['updateManagement', 'SoftwareUpdateConfigurations', 'solutions', 'gallerySolutions']) {
      const feature = retiredFeatureOfKey(key);
      expect(feature, key).not.to.equal(undefined);
      expect(retiredFeatureMessage(key, feature!)).to.match(/retired on 31 August 2024; use Azure Update Manager .*\(https:\/\/learn\.microsoft\.com\/azure\/automation\/update-management\/overview\)\.$/);
    }
    expect(retiredFeatureOfKey('runbooks')).to.equal(undefined);
  });
});

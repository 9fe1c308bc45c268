import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { compileOfficialTemplateSchema, loadArmSchemaValidator, type ArmSchemaValidator } from '../support/armSchemas.js';
import { SHARED_MISSING, sharedDir } from '../support/paths.js';

type Json = Record<string, unknown>;

const TEMPLATE_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const SUBSCRIPTION_TEMPLATE_SCHEMA = 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#';
const PARAMETERS_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#';

const template = (resources: unknown[], extra: Json = {}): Json => ({ $schema: TEMPLATE_SCHEMA, contentVersion: '1.0.0.0', resources, ...extra });

const automationAccount = (extra: Json = {}): Json => ({
  type: 'Microsoft.Automation/automationAccounts',
  apiVersion: '2024-10-23',
  name: "[parameters('automationAccountName')]",
  location: '[resourceGroup().location]',
  properties: { sku: { name: 'Basic' } },
  ...extra,
});

const roleAssignment = (principalType: string): Json => ({
  type: 'Microsoft.Authorization/roleAssignments',
  apiVersion: '2022-04-01',
  name: "[guid(resourceGroup().id, parameters('principalId'))]",
  properties: {
    roleDefinitionId: "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', parameters('roleId'))]",
    principalId: "[parameters('principalId')]",
    principalType,
  },
});

const nestedDeployment = (inner: Json, parameters: Json = {}): Json => ({
  type: 'Microsoft.Resources/deployments',
  apiVersion: '2025-04-01',
  name: 'nested',
  properties: { mode: 'Incremental', expressionEvaluationOptions: { scope: 'Inner' }, parameters, template: inner },
});

const schedule = (startTime: string): Json => ({
  type: 'Microsoft.Automation/automationAccounts/schedules',
  apiVersion: '2024-10-23',
  name: 'aa-prod/daily',
  properties: { startTime, frequency: 'Day', interval: 1 },
});

const runbook = (name: string): Json => ({
  type: 'Microsoft.Automation/automationAccounts/runbooks',
  apiVersion: '2024-10-23',
  name,
  location: '[resourceGroup().location]',
  properties: { runbookType: 'PowerShell' },
});

const readFixture = (dir: string, name: string): unknown => JSON.parse(readFileSync(join(dir, 'fixtures', name), 'utf8'));

describe('armSchemas: offline validation against the official ARM schemas', function () {
  let validator: ArmSchemaValidator;
  let shared: string;

  before(function () {
    if (sharedDir === undefined) {
      console.log(`      ${SHARED_MISSING}`);
      this.skip();
    }
    shared = sharedDir;
    validator = loadArmSchemaValidator(shared);
  });

  describe('validateTemplate', function () {
    it('accepts the template_ua fixture', function () {
      // GIVEN the reference fixture (portal-style "String" parameter types, 2020-01-13-preview account)
      const fixture = readFixture(shared, 'template_ua.json');
      // WHEN it is validated
      const errors = validator.validateTemplate(fixture);
      // THEN there is nothing to report
      expect(errors).to.deep.equal([]);
    });

    it('names the resource and the field when an automation account has an unknown sku', function () {
      // GIVEN an automation account with sku "Premium" (the schema allows Free and Basic)
      const bad = template([automationAccount({ properties: { sku: { name: 'Premium' } } })]);
      // WHEN it is validated
      const errors = validator.validateTemplate(bad);
      // THEN the one message locates the resource, its definition and the field, instead of a 200-branch oneOf dump
      expect(errors).to.deep.equal([
        'resources[0] (Microsoft.Automation/automationAccounts@2024-10-23): /properties/sku/name must be equal to one of the allowed values: "Free", "Basic" (got "Premium")',
      ]);
    });

    it('reports an api-version that has no offline schema, so a typo cannot pass', function () {
      // GIVEN an automation account whose api-version misses its "-preview" suffix
      const bad = template([automationAccount({ apiVersion: '2020-01-13' })]);
      // WHEN it is validated
      const errors = validator.validateTemplate(bad);
      // THEN the error says so and hints at the api-versions that do exist
      expect(errors).to.have.lengthOf(1);
      expect(errors[0]).to.contain('no official schema for Microsoft.Automation/automationAccounts@2020-01-13 in the offline set');
      expect(errors[0]).to.contain('2020-01-13-preview');
    });

    it('accepts tags given as an ARM expression (README quirk 2)', function () {
      // GIVEN tags passed through from a parameter
      const withTags = template([automationAccount({ tags: "[parameters('tags')]" })], { parameters: { tags: { type: 'object' } } });
      // WHEN it is validated
      const errors = validator.validateTemplate(withTags);
      // THEN ARM's leniency applies
      expect(errors).to.deep.equal([]);
    });

    it('accepts parameter types in any letter case, as ARM does, but not unknown types (README quirk 1)', function () {
      // GIVEN portal-style types and one type ARM does not know
      const parameters = { a: { type: 'String' }, b: { type: 'secureString' }, c: { type: 'text' } };
      // WHEN the template is validated
      const errors = validator.validateTemplate(template([automationAccount()], { parameters }));
      // THEN only the unknown type is reported
      expect(errors).to.have.lengthOf(1);
      expect(errors[0]).to.match(/^\/parameters\/c\/type: must be equal to one of the allowed values/);
    });

    it('validates the inner template of a nested deployment and reports a bad principalType there', function () {
      // GIVEN a nested deployment whose inner role assignment has principalType "Robot"
      const outer = template([nestedDeployment(template([roleAssignment('Robot')]))]);
      // WHEN it is validated
      const errors = validator.validateTemplate(outer);
      // THEN the error points into the inner template
      expect(errors).to.have.lengthOf(1);
      expect(errors[0]).to.match(
        /^resources\[0\]\.properties\.template\.resources\[0\] \(Microsoft\.Authorization\/roleAssignments@2022-04-01\): \/properties\/principalType must be equal to one of the allowed values/,
      );
    });

    it('accepts an expression as a nested-deployment parameter value (README quirk 3)', function () {
      // GIVEN a nested deployment passing one expression and one literal parameter
      const outer = template([
        nestedDeployment(template([roleAssignment('ServicePrincipal')]), { principalId: { value: "[parameters('principalId')]" }, roleId: { value: 'abc' } }),
      ]);
      // WHEN it is validated
      const errors = validator.validateTemplate(outer);
      // THEN the value matching both branches of `oneOf [{}, expression]` is not held against it
      expect(errors).to.deep.equal([]);
    });

    it('accepts an expression for a bare date-time, yet still checks literal dates (README quirk 4)', function () {
      // GIVEN three schedules: an expression, an RFC 3339 date-time and a word
      const schedules = template([schedule("[dateTimeAdd(utcNow(), 'PT1H')]"), schedule('2030-01-01T00:00:00+00:00'), schedule('tomorrow')]);
      // WHEN they are validated
      const errors = validator.validateTemplate(schedules);
      // THEN only the word fails
      expect(errors).to.have.lengthOf(1);
      expect(errors[0]).to.match(/^resources\[2\] .*: \/properties\/startTime must match format "date-time"/);
    });

    it('checks only the last segment of a literal parent/child name, and the segment count (README quirk 5)', function () {
      // GIVEN top-level runbooks named parent/child, with a bad last segment, and with one segment too many
      const runbooks = template([runbook('aa-prod/Start-Job'), runbook('aa-prod/1-bad'), runbook('aa-prod/rb/extra')]);
      // WHEN they are validated
      const errors = validator.validateTemplate(runbooks);
      // THEN the well-formed one passes and each malformed one gets one precise message
      expect(errors).to.have.lengthOf(2);
      expect(errors[0]).to.match(/^resources\[1\] .*: \/name last name segment "1-bad" must match pattern/);
      expect(errors[1]).to.match(/^resources\[2\] .*: \/name literal name "aa-prod\/rb\/extra" has 3 segment\(s\)/);
    });

    it('checks a subscription-scope inner template resource by resource, reporting types it cannot check', function () {
      // GIVEN a nested subscription-scope template (its schema file is not in the offline set)
      const inner = {
        $schema: SUBSCRIPTION_TEMPLATE_SCHEMA,
        contentVersion: '1.0.0.0',
        resources: [roleAssignment('Robot'), { type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: 'st' }],
      };
      // WHEN the outer template is validated
      const errors = validator.validateTemplate(template([{ ...nestedDeployment(inner), location: 'westeurope' }]));
      // THEN the role assignment is checked against its subscription-scope definition and the unknown type is an error
      expect(errors).to.have.lengthOf(2);
      expect(errors[0]).to.contain('resources[0].properties.template.resources[0] (Microsoft.Authorization/roleAssignments@2022-04-01): /properties/principalType');
      expect(errors[1]).to.contain('no official schema for Microsoft.Storage/storageAccounts@2023-01-01 in the offline set (subscription scope)');
    });

    it('refuses a template whose $schema it does not recognise instead of passing it', function () {
      // GIVEN a template with a foreign $schema
      const foreign = { ...template([automationAccount()]), $schema: 'https://example.com/template.json#' };
      // WHEN it is validated
      const errors = validator.validateTemplate(foreign);
      // THEN it is reported as not validated
      expect(errors).to.have.lengthOf(1);
      expect(errors[0]).to.contain('NOT validated');
    });

    it('gives the same verdict as the whole official deploymentTemplate schema', function () {
      // The whole schema takes seconds to compile; it is the reference the per-resource shortcut must agree with.
      this.timeout(60_000);
      // GIVEN valid and invalid templates, including nested children and every leniency above
      const nestedChild = (apiVersion: string, runbookType: string): Json =>
        template([automationAccount({ resources: [{ ...runbook('rb'), type: 'runbooks', apiVersion, properties: { runbookType } }] })]);
      const templates: unknown[] = [
        readFixture(shared, 'template_ua.json'),
        template([automationAccount({ properties: { sku: { name: 'Premium' } } })]),
        template([automationAccount({ apiVersion: '2020-01-13' })]),
        template([automationAccount({ tags: "[parameters('tags')]" })]),
        template([schedule("[utcNow()]"), runbook('aa-prod/Start-Job')]),
        template([runbook('aa-prod/rb/extra')]),
        nestedChild('2024-10-23', 'PowerShell'),
        nestedChild('2024-10-23', 'Cobol'),
        nestedChild('2023-11-01', 'PowerShell'),
      ];
      // WHEN both validate them
      const whole = compileOfficialTemplateSchema(shared);
      const verdicts = templates.map((t) => [validator.validateTemplate(t).length === 0, whole(t)]);
      // THEN they agree on every one
      expect(verdicts.map(([ours]) => ours)).to.deep.equal(verdicts.map(([, official]) => official));
      expect(verdicts.map(([ours]) => ours)).to.deep.equal([true, false, false, true, true, false, true, false, false]);
    });
  });

  describe('validateParameters', function () {
    it('accepts the template_ua parameters fixture', function () {
      // GIVEN the reference parameters file
      const fixture = readFixture(shared, 'template_ua.parameters.json');
      // WHEN it is validated
      const errors = validator.validateParameters(fixture);
      // THEN there is nothing to report
      expect(errors).to.deep.equal([]);
    });

    it('accepts a Key Vault reference as a parameter value', function () {
      // GIVEN a parameter whose value comes from a Key Vault secret
      const parameters = {
        $schema: PARAMETERS_SCHEMA,
        contentVersion: '1.0.0.0',
        parameters: {
          adminPassword: {
            reference: {
              keyVault: { id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv' },
              secretName: 'admin-password',
            },
          },
        },
      };
      // WHEN it is validated
      const errors = validator.validateParameters(parameters);
      // THEN it is valid
      expect(errors).to.deep.equal([]);
    });

    it('rejects a parameter with neither a value nor a reference', function () {
      // GIVEN a parameter entry that is empty
      const parameters = { $schema: PARAMETERS_SCHEMA, contentVersion: '1.0.0.0', parameters: { name: {} } };
      // WHEN it is validated
      const errors = validator.validateParameters(parameters);
      // THEN the entry is named
      expect(errors).to.include("/parameters/name: must have required property 'value'");
    });
  });
});

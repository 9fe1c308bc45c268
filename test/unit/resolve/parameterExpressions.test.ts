import { expect } from 'chai';
import { generateConfig } from '../../../generator/generate.js';
import { renderYaml, templateOf } from '../../helpers/render.js';

/** Declared parameters and a bare account (unused parameters are only warned). */
const withParameters = (parameters: string) => `parameters:\n${parameters}automationAccount:\n  name: aa-expr-01\n`;

/** Declared parameters, `stamp` being a schedule's start time. */
const stampOnSchedule = (parameters: string) =>
  `parameters:\n${parameters}automationAccount:\n  name: aa-expr-01\nschedules:\n  - name: nightly\n    frequency: Day\n    startTime: { param: stamp }\n`;

function diagnostics(yaml: string): { errors: string[]; warnings: string[] } {
  const r = generateConfig('expr.yaml', yaml);
  const of = (s: string) => r.diagnostics.filter((d) => d.severity === s).map((d) => `${d.code} ${d.message}`);
  return { errors: of('error'), warnings: of('warning') };
}

const bicepOf = (yaml: string) => renderYaml(yaml).artifacts.find((a) => a.path.endsWith('/main.bicep'))!.text;

describe('deploy-time expressions in parameter defaults ({ expr })', () => {
  it('writes { expr } as an ARM expression and as Bicep, with functions in their canonical spelling', () => {
    // GIVEN a start-time parameter computed at deployment, written in ARM's case-insensitive spelling
    const yaml = stampOnSchedule("  stamp:\n    type: string\n    defaultValue: { expr: \"DATETIMEADD(utcnow('u'), 'P1D')\" }\n");
    // WHEN it is rendered
    const arm = templateOf(renderYaml(yaml));
    // THEN ARM evaluates it and Bicep (case-sensitive) gets the canonical names
    expect(arm.parameters.stamp).to.deep.equal({ type: 'string', defaultValue: "[dateTimeAdd(utcNow('u'), 'P1D')]" });
    expect(bicepOf(yaml)).to.include("param stamp string = dateTimeAdd(utcNow('u'), 'P1D')\n");
  });

  it('accepts the bracketed form, member access, indexes and references to other parameters', () => {
    // GIVEN a default reading the resource group's location and another parameter
    const yaml = stampOnSchedule(
      "  prefix:\n    type: string\n    defaultValue: '2030-01-01T'\n  stamp:\n    type: string\n    defaultValue: { expr: \"[format('{0}{1}', parameters('prefix'), split('07:00|08:00', '|')[0])]\" }\n  region:\n    type: string\n    defaultValue: { expr: resourceGroup().location }\n",
    ).replace('automationAccount:\n  name: aa-expr-01\n', 'automationAccount:\n  name: aa-expr-01\n  location: { param: region }\n');
    const arm = templateOf(renderYaml(yaml));
    // THEN parameters('prefix') is a parameter reference (so prefix counts as used) and the rest is kept
    expect(arm.parameters.stamp!.defaultValue).to.equal("[format('{0}{1}', parameters('prefix'), split('07:00|08:00', '|')[0])]");
    expect(arm.parameters.region!.defaultValue).to.equal('[resourceGroup().location]');
    expect(diagnostics(yaml).warnings.filter((w) => w.includes('never used'))).to.deep.equal([]);
  });

  it('refuses functions the place does not allow, naming what it allows (reference and list* read resources)', () => {
    const { errors } = diagnostics(stampOnSchedule("  stamp:\n    type: string\n    defaultValue: { expr: \"reference('x').startTime\" }\n"));
    expect(errors).to.have.length(1);
    expect(errors[0]).to.match(/^AG303 \/parameters\/stamp\/defaultValue\/expr: reference\(\) is not allowed in a parameter's defaultValue\. .*Allowed: utcNow, newGuid, dateTimeAdd/);
  });

  it('refuses concat (use format), a wrong argument count, a parse error and a fraction', () => {
    const bad = (expr: string) => diagnostics(stampOnSchedule(`  stamp:\n    type: string\n    defaultValue: { expr: "${expr}" }\n`)).errors;
    expect(bad("concat('a', 'b')")[0]).to.contain('concat() is not allowed');
    expect(bad("utcNow('u', 'x')")[0]).to.contain('utcNow() takes 0-1 arguments, not 2');
    expect(bad('utcNow(')[0]).to.contain('cannot parse the expression');
    expect(bad("string(1.5)")[0]).to.contain('1.5 is not an integer');
  });

  it('refuses an expression whose result type differs from the parameter type', () => {
    const { errors } = diagnostics(stampOnSchedule('  stamp:\n    type: string\n    defaultValue: { expr: "length(\'abc\')" }\n'));
    expect(errors).to.deep.equal(["AG303 /parameters/stamp/defaultValue/expr: the expression gives a int but parameter 'stamp' is of type 'string'"]);
  });

  it('refuses parameters() naming an undeclared parameter (exact case: Bicep is case-sensitive), and defaults in a circle', () => {
    const unknown = diagnostics(stampOnSchedule("  stamp:\n    type: string\n    defaultValue: { expr: \"parameters('Stamp')\" }\n")).errors;
    expect(unknown[0]).to.contain("parameters('Stamp') names no declared parameter");
    const circle = diagnostics(
      stampOnSchedule("  other:\n    type: string\n    defaultValue: { expr: \"parameters('stamp')\" }\n  stamp:\n    type: string\n    defaultValue: { expr: \"parameters('other')\" }\n"),
    ).errors;
    expect(circle).to.deep.equal(['AG303 /parameters/other/defaultValue/expr: parameter defaults read each other in a circle: other -> stamp -> other']);
  });

  it('allows a secure parameter only newGuid() as its default, and no plain default may read a secure parameter', () => {
    const secure = (expr: string) => `parameters:\n  pw:\n    type: securestring\n    defaultValue: { expr: "${expr}" }\nautomationAccount:\n  name: aa-expr-01\ncredentials:\n  - { name: c, userName: u, password: { param: pw } }\n`;
    expect(templateOf(renderYaml(secure('newGuid()'))).parameters.pw).to.deep.equal({ type: 'securestring', defaultValue: '[newGuid()]' });
    expect(diagnostics(secure("format('{0}', 'hunter2')")).errors[0]).to.contain("format() is not allowed in a secure parameter's defaultValue (only newGuid()");
    const leak = `${secure('newGuid()')}`.replace('parameters:\n', "parameters:\n  copy:\n    type: string\n    defaultValue: { expr: \"parameters('pw')\" }\n");
    expect(diagnostics(leak).errors).to.include("AG303 /parameters/copy/defaultValue/expr: the default of 'copy' must not read secure parameter 'pw': a plain parameter's value is shown in the deployment's history");
  });

  it('refuses { expr } as a parameter-file value or an environment value: parameter files hold values', () => {
    const yaml = `${stampOnSchedule("  stamp:\n    type: string\n    value: { expr: \"utcNow()\" }\n")}environments:\n  prod:\n    parameters:\n      stamp: { expr: "utcNow()" }\n`;
    const { errors } = diagnostics(yaml);
    expect(errors).to.include("AG303 /parameters/stamp/value: parameter files hold values, not expressions: move { expr } to defaultValue, or give 'stamp' a literal value");
    expect(errors).to.include(
      "AG303 /environments/prod/parameters/stamp: parameter files hold values, not expressions: environment 'prod' must give 'stamp' a literal value (an expression belongs in its defaultValue)",
    );
  });

  it('warns when a literal string looks like an expression, which armgen keeps as text', () => {
    // GIVEN a default written the ARM way, which stays the literal text "[dateTimeAdd(...)]"
    const yaml = withParameters("  stamp:\n    type: string\n    defaultValue: \"[dateTimeAdd(utcNow('u'), 'P1D')]\"\n  desc:\n    type: string\n    defaultValue: '[draft] nightly'\n");
    const { warnings } = diagnostics(yaml);
    // THEN the lookalike is warned (an unparseable "[draft] ..." is not)
    expect(warnings.filter((w) => w.includes('looks like an ARM expression'))).to.deep.equal([
      'AG303 /parameters/stamp/defaultValue: this literal looks like an ARM expression but is kept as text (armgen writes no expression from a string); for a value computed at deployment, declare a parameter with defaultValue: { expr: ... } and use { param: NAME } here',
    ]);
    expect(templateOf(renderYaml(yaml)).parameters.stamp!.defaultValue).to.equal("[[dateTimeAdd(utcNow('u'), 'P1D')]");
  });
});

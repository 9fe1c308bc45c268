import { expect } from 'chai';
import { byName, config, errorsOf, officialSchemaErrors, render } from './assetHelpers.js';

/** The raw `"value": ...` line of variable `name` in the ARM JSON text, as a reader of the file sees it. */
function valueLine(text: string, name: string): string | undefined {
  const at = text.indexOf(`'${name}')]`);
  const block = text.slice(at, text.indexOf('"isEncrypted"', at));
  return /"value": .*$/m.exec(block)?.[0];
}

const variables = (entries: string) => config(`variables:\n${entries}`);

describe('variables of every Automation type (value encoding)', () => {
  const yaml = variables(
    [
      '  - { name: Text, value: ComputerName.domain.com, isEncrypted: false }',
      '  - { name: Count, value: 500, isEncrypted: false }',
      '  - { name: Flag, value: false, isEncrypted: false }',
      "  - { name: When, value: { dateTime: '2017-05-24T13:14:57.378-07:00' }, isEncrypted: false }",
      '  - { name: Nothing, value: null, isEncrypted: false }',
      '  - { name: Complex, value: { greeting: hi, n: 1 }, isEncrypted: false }',
    ].join('\n'),
  );

  it('writes each value exactly as the REST examples and the solutions-doc table give it, in the ARM JSON text', () => {
    // GIVEN one variable per type WHEN rendered
    const { result } = render(yaml);
    const text = result.artifacts.find((a) => a.path.endsWith('/azuredeploy.json'))!.text;
    // THEN String carries its quotes (REST createOrUpdateVariable.json: "\"ComputerName.domain.com\"")
    expect(valueLine(text, 'Text')).to.equal('"value": "\\"ComputerName.domain.com\\"",');
    // AND Integer and Boolean are bare JSON literals
    expect(valueLine(text, 'Count')).to.equal('"value": "500",');
    expect(valueLine(text, 'Flag')).to.equal('"value": "false",');
    // AND DateTime is the MS-JSON date with quotes and escaped slashes: "\"\\/Date(1495656897378)\\/\""
    expect(valueLine(text, 'When')).to.equal('"value": "\\"\\\\/Date(1495656897378)\\\\/\\"",');
    // AND a complex value is its JSON object text
    expect(valueLine(text, 'Complex')).to.equal('"value": "{\\"greeting\\":\\"hi\\",\\"n\\":1}",');
  });

  it('leaves the value out for null (the portal\'s "Not defined") and keeps the rest of the variable', () => {
    const { template } = render(yaml);
    expect(byName(template, 'variables', 'Nothing').properties).to.deep.equal({ isEncrypted: false });
    expect(officialSchemaErrors(template)).to.deep.equal([]);
  });

  it('writes the same DateTime text in Bicep (a single-quoted string with escaped backslashes)', () => {
    const { result } = render(yaml);
    const bicep = result.artifacts.find((a) => a.path.endsWith('/main.bicep'))!.text;
    expect(bicep).to.contain("value: '\"\\\\/Date(1495656897378)\\\\/\"'");
  });

  it('keeps a string that looks like a date a String (escaped, never a DateTime) and says so: AG310 warning or hint', () => {
    // GIVEN the MS-JSON text typed as a plain string, and ISO text
    const { template, result } = render(
      variables("  - { name: Typed, value: '\\/Date(1495656897378)\\/', isEncrypted: false }\n  - { name: Iso, value: '2030-01-01T00:00:00Z', isEncrypted: false }\n"),
    );
    // THEN the values are JSON strings of the text as typed (a backslash stays a backslash)
    expect((byName(template, 'variables', 'Typed').properties as { value: string }).value).to.equal('"\\\\/Date(1495656897378)\\\\/"');
    expect((byName(template, 'variables', 'Iso').properties as { value: string }).value).to.equal('"2030-01-01T00:00:00Z"');
    // AND the MS-JSON lookalike is a warning, the ISO text an info hint, both pointing at { dateTime }
    const found = result.diagnostics.filter((d) => d.code === 'AG310').map((d) => `${d.severity} ${d.message}`);
    expect(found).to.have.length(2);
    expect(found[0]).to.match(/^warning \/variables\/0\/value: variable 'Typed' holds text in the \\\/Date\(\.\.\.\)\\\/ form, which is stored as a String/);
    expect(found[1]).to.match(/^info \/variables\/1\/value: variable 'Iso' holds an ISO 8601 date and time as text: it is stored as a String/);
    expect(found.join('\n')).to.contain('{ dateTime:');
    // AND the value itself is not quoted (an encrypted variable's text stays out of diagnostics)
    expect(found.join('\n')).not.to.contain('1495656897378').and.not.to.contain('2030-01-01T00:00:00Z');
  });

  it('treats an object with other keys besides dateTime as a complex value', () => {
    const { template } = render(variables("  - { name: Obj, value: { dateTime: x, zone: utc }, isEncrypted: false }\n"));
    expect((byName(template, 'variables', 'Obj').properties as { value: string }).value).to.equal('{"dateTime":"x","zone":"utc"}');
  });

  describe('config errors', () => {
    it('rejects a dateTime without an offset or on no calendar day (AG200)', () => {
      const noOffset = errorsOf(variables("  - { name: When, value: { dateTime: '2030-01-01T00:00:00' }, isEncrypted: false }\n"));
      expect(noOffset.join('\n')).to.contain("AG200 /variables/0/value/dateTime: variable 'When': \"2030-01-01T00:00:00\" is not a date and time with its UTC offset");
      const feb30 = errorsOf(variables("  - { name: When, value: { dateTime: '2030-02-30T00:00:00Z' }, isEncrypted: false }\n"));
      expect(feb30.join('\n')).to.contain('AG200 /variables/0/value/dateTime');
    });

    it('still requires a secure parameter or the acknowledgment for an encrypted DateTime literal (AG303)', () => {
      const errors = errorsOf(variables("  - { name: When, value: { dateTime: '2030-01-01T00:00:00Z' } }\n"));
      expect(errors.join('\n')).to.contain("AG303 /variables/0/value: variable 'When' is encrypted (the default)");
    });

    it('rejects clearTextAcknowledged on a null variable: nothing is written in clear (AG200)', () => {
      const errors = errorsOf(variables('  - { name: Nothing, value: null, clearTextAcknowledged: true }\n'));
      expect(errors).to.include("AG200 /variables/0/clearTextAcknowledged: variable 'Nothing' has no value (null), so there is nothing in clear to acknowledge; remove clearTextAcknowledged");
    });
  });
});

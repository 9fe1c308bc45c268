import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { exampleConfigs, renderFile } from '../helpers/render.js';
import { requireTool, runTool } from '../support/tools.js';

/**
 * An independent type check of armgen's ARM output with Azure's own resource types: `bicep decompile`
 * each azuredeploy.json, then `bicep build` the result. Unknown properties or wrong types show up as
 * BCP035/BCP036/BCP037-style diagnostics, which the JSON schemas (open objects) cannot catch.
 */
const TYPE_WARNINGS = /BCP0(35|36|37|53|73|81|89)|Error BCP|fatal error/;

/**
 * Known limits of the decompiler itself, not defects of the template, matched exactly:
 * - BCP024/BCP091: it names a nested deployment's module file after the deployment-name expression, which
 *   for `format('ra-{0}', guid(...))` exceeds Bicep's 255-character identifier and path limits;
 * - BCP036 on `scope`: ARM's extension-resource `scope` is a resource ID string, which Bicep can only
 *   express as a resource symbol; the decompiler copies the string (armgen's own main.bicep uses symbols);
 * - BCP034 in `dependsOn`: a dependency on an extension resource is `extensionResourceId(...)` in ARM (what Bicep
 *   itself compiles `dependsOn: [diagnosticSettings]` to), which the decompiler leaves as a string.
 */
const DECOMPILER_LIMITS = [/Error BCP024: The identifier exceeds the limit of 255/, /Error BCP091: An error occurred reading file\..*nested_ra_/, /Error BCP036: The property "scope" expected a value of type "resource \| tenant"/,
  /Error BCP104: The referenced module has errors/, /Error BCP034: The enclosing array expected an item of type "module\[\] \| \(resource \| module\) \| resource\[\]", but the provided item was of type "string"/, /Decompilation failed with fatal error "The path '.*nested_ra_.*' is too long/];

describe('Bicep type check of the ARM output (decompile + build)', function () {
  this.timeout(600_000);
  const bicep = requireTool('bicep');

  it('every example template decompiles and builds with no errors and no type warnings', () => {
    // GIVEN every example's azuredeploy.json in a folder of its own (the decompiler names nested-deployment files after
    // the deployment-name expression, which two examples can share: one folder would let one overwrite the other's)
    const dir = mkdtempSync(join(tmpdir(), 'armgen-decompile-'));
    const names: string[] = [];
    for (const config of exampleConfigs()) {
      const result = renderFile(config, { format: 'arm' });
      if (!result.ok) throw new Error(`${config} is invalid`);
      const template = result.artifacts.find((a) => a.path.endsWith('/azuredeploy.json'))!;
      mkdirSync(join(dir, result.name));
      writeFileSync(join(dir, result.name, `${result.name}.json`), template.text);
      names.push(result.name);
    }
    const problems: string[] = [];
    for (const name of names) {
      // WHEN bicep decompiles it and builds the Bicep it produced
      const decompiled = runTool(bicep!, ['decompile', join(dir, name, `${name}.json`), '--force'], { cwd: join(dir, name) });
      const errors = decompiled.stderr.split('\n').filter((l) => TYPE_WARNINGS.test(l) && !DECOMPILER_LIMITS.some((re) => re.test(l)));
      problems.push(...errors.map((l) => `${name}: ${l}`));
    }
    const built = runTool(bicep!, ['build', '--pattern', `${dir}/*/*.bicep`, '--outdir', join(dir, 'built')], { cwd: dir });
    // THEN nothing reports an error or a type/property warning
    const lines = `${built.stdout}\n${built.stderr}`.split('\n').filter((l) => TYPE_WARNINGS.test(l) && !DECOMPILER_LIMITS.some((re) => re.test(l)));
    problems.push(...lines);
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });
});

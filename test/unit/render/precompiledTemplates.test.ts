import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { createEnvironment, PRECOMPILED_TEMPLATES_FILE, precompiledTemplatesSource, readTemplateSources } from '../../../generator/render/environment.js';
import { templateLanguages } from '../../../generator/render/languages.js';
import { repoRoot } from '../../support/paths.js';

const builtPath = join(repoRoot, 'dist', 'generator', 'render', PRECOMPILED_TEMPLATES_FILE);

describe('precompiled Handlebars templates (built by npm run build)', () => {
  it('dist/generator/render/precompiledTemplates.cjs equals what templates/**/*.hbs precompile to', () => {
    // GIVEN the template sources WHEN they are precompiled in memory THEN the result equals the built file
    expect(existsSync(builtPath), `${builtPath} is missing: run \`npm run build\``).to.equal(true);
    const built = readFileSync(builtPath, 'utf8');
    expect(built === precompiledTemplatesSource(templateLanguages), `${builtPath} is stale vs templates/: run \`npm run build\``).to.equal(true);
  });

  for (const [language, helpers] of Object.entries(templateLanguages)) {
    it(`renders '${language}' from precompiled code, with the run-time helpers`, () => {
      // GIVEN the language's environment as a run creates it
      const templates = createEnvironment(language, helpers);
      expect(templates.origin).to.equal('precompiled');
      const entries = [...readTemplateSources(language).entries.keys()];
      expect(entries.length).to.be.greaterThan(0);
      // THEN strict mode holds: a field the template needs but the view lacks throws instead of rendering ''
      for (const entry of entries) expect(() => templates(entry)({}), `${language}/${entry}`).to.throw();
    });
  }

  it('covers every language folder under templates/', () => {
    const folders = readdirSync(join(repoRoot, 'templates'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(Object.keys(templateLanguages).sort()).to.deep.equal(folders);
  });
});

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
      // THEN each entry behaves exactly as when compiled at run time (same text, or the same strict-mode error)
      const compiled = createEnvironment(language, helpers, { usePrecompiled: false });
      expect(compiled.origin).to.equal('compiled at run time');
      const outcome = (fn: () => string) => {
        try {
          return { text: fn() };
        } catch (err) {
          return { error: (err as Error).message };
        }
      };
      const views: unknown[] = [{}, { __proto__: { constructor: 'x' } }, Object.create({ name: 'inherited' })];
      for (const entry of entries) {
        for (const view of views) expect(outcome(() => templates(entry)(view)), `${language}/${entry}`).to.deep.equal(outcome(() => compiled(entry)(view)));
      }
    });
  }

  it('covers every language folder under templates/', () => {
    const folders = readdirSync(join(repoRoot, 'templates'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(Object.keys(templateLanguages).sort()).to.deep.equal(folders);
  });
});

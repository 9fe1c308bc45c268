import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import { templatesDir } from '../paths.js';

export type TemplateFn = (context: unknown) => string;

/** Handlebars compile options: strict (a missing field throws), no HTML escaping (we emit JSON/Bicep), known helpers only. */
function compileOptions(helpers: Record<string, unknown>): CompileOptions {
  return {
    strict: true,
    noEscape: true,
    knownHelpersOnly: true,
    knownHelpers: Object.fromEntries(Object.keys(helpers).map((h) => [h, true])),
    preventIndent: true,
  };
}

type CompileOptions = Parameters<typeof Handlebars.compile>[1];

/**
 * A private Handlebars environment for one output language (`arm`, `bicep`, `runbooks`): entry templates
 * from `templates/<language>/*.hbs`, partials from `templates/<language>/partials/*.hbs`, registered by file
 * name. Compiled once per process, on first use.
 */
export function createEnvironment(language: string, helpers: Record<string, (...args: never[]) => string>): (entry: string) => TemplateFn {
  const env = Handlebars.create();
  const options = compileOptions(helpers);
  for (const [name, fn] of Object.entries(helpers)) env.registerHelper(name, fn as Handlebars.HelperDelegate);
  const dir = join(templatesDir, language);
  const partialsDir = join(dir, 'partials');
  for (const file of safeList(partialsDir)) {
    if (file.endsWith('.hbs')) env.registerPartial(basename(file, '.hbs'), env.compile(readFileSync(join(partialsDir, file), 'utf8'), options));
  }
  const cache = new Map<string, TemplateFn>();
  return (entry) => {
    let fn = cache.get(entry);
    if (!fn) {
      const compiled = env.compile(readFileSync(join(dir, `${entry}.hbs`), 'utf8'), options);
      fn = (context) => compiled(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      cache.set(entry, fn);
    }
    return fn;
  };
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

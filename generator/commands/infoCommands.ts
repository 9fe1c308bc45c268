import type { Argv, CommandModule } from 'yargs';
import { allDiagnosticDocs, diagnosticDoc, DIAGNOSTIC_CODES_URL, explainText } from '../diagnosticDocs.js';
import { diagnosticCodes, type DiagnosticCode } from '../diagnostics.js';
import { readConfigSchema } from '../validate/validator.js';
import type { CommandContext } from './context.js';
import { EXIT } from './exitCodes.js';
import { describeCommand, type GlobalArgs } from './options.js';

/** `armgen schema`: the config JSON Schema on stdout. */
export function schemaCommand(ctx: CommandContext): CommandModule<GlobalArgs, GlobalArgs> {
  const description = 'Print the config JSON Schema, for editors and for a `$schema:` or modeline reference';
  return {
    command: 'schema',
    describe: description,
    builder: (y: Argv<GlobalArgs>) =>
      describeCommand(y, 'schema', description, [
        ['$0 schema > armgen.schema.json', 'Save it beside your configs; reference it with `# yaml-language-server: $schema=armgen.schema.json`'],
      ]),
    handler: () => {
      ctx.io.stdout(`${JSON.stringify(readConfigSchema(), null, 2)}\n`);
      ctx.setExit(EXIT.ok);
    },
  };
}

type ExplainArgs = GlobalArgs & { code?: DiagnosticCode };

/** `armgen explain [AGnnn]`: one code's documentation, or the list of codes. */
export function explainCommand(ctx: CommandContext): CommandModule<GlobalArgs, ExplainArgs> {
  const description = 'Explain a diagnostic code (what armgen checks and what to do), or list every code';
  return {
    command: 'explain [code]',
    describe: description,
    builder: (y: Argv<GlobalArgs>) =>
      describeCommand(y, 'explain [code]', description, [
        ['$0 explain AG304', 'What AG304 means and how to fix it'],
        ['$0 explain', 'List every diagnostic code'],
      ]).positional('code', {
        describe: 'A diagnostic code such as AG304 (any case)',
        type: 'string',
        choices: Object.keys(diagnosticCodes),
        coerce: (code: string) => code.toUpperCase(),
      }) as unknown as Argv<ExplainArgs>,
    handler: (args) => {
      if (args.code) ctx.io.stdout(explainText(diagnosticDoc(args.code)));
      else ctx.io.stdout(`${allDiagnosticDocs().map((d) => `${d.code}  ${d.summary}`).join('\n')}\n\n'armgen explain CODE' for details; reference: ${DIAGNOSTIC_CODES_URL}\n`);
      ctx.setExit(EXIT.ok);
    },
  };
}

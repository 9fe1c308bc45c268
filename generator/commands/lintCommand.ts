import type { Argv, CommandModule } from 'yargs';
import type { Diagnostic } from '../diagnostics.js';
import { checkArtifacts, findingToDiagnostic } from '../lint/lint.js';
import { inputOptions, reportOptions, type InputArgs, type ReportArgs } from './options.js';
import { reportDiagnostics, type Io } from './report.js';
import { runConfigs } from './runConfigs.js';
import { armgenVersion } from './version.js';

export type LintArgs = InputArgs & ReportArgs;

interface Ctx {
  readonly io: Io;
  readonly setExit: (code: number) => void;
}

/** Exit codes, as in generateCommand.ts: 0 clean, 1 findings, 2 invalid config. */
const EXIT = { ok: 0, findings: 1, invalid: 2 } as const;

/**
 * `armgen lint <config..>`: render in memory (nothing is written) and run the lint rules and Azure's
 * template limits over every rendered ARM file. Findings print as AG500 (lint) / AG400 (limits) with the
 * rule id in brackets, located in the rendered file (`NAME/azuredeploy.json:line:col`).
 */
export function lintCommand(ctx: Ctx): CommandModule<object, LintArgs> {
  return {
    command: 'lint <config..>',
    describe: "Render configs in memory and check the ARM output against armgen's lint rules and Azure's template limits; exit 1 on findings",
    builder: (y: Argv) => reportOptions(inputOptions(y)) as unknown as Argv<LintArgs>,
    handler: (args) => {
      const run = runConfigs(args.config, { format: 'arm', lint: false });
      const format = args['diagnostics-format'];
      const configDiagnostics = [...run.general, ...run.results.flatMap((r) => r.diagnostics)];
      const errors = configDiagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0) {
        reportDiagnostics(ctx.io, configDiagnostics, format, armgenVersion);
        ctx.setExit(EXIT.invalid);
        return;
      }
      const findings: Diagnostic[] = [];
      for (const r of run.results) {
        if (!r.ok) continue;
        const texts = new Map(r.artifacts.map((a) => [a.path, a.text]));
        for (const f of checkArtifacts(r.artifacts)) findings.push(findingToDiagnostic(f, texts.get(f.path)));
      }
      reportDiagnostics(ctx.io, [...configDiagnostics, ...findings], format, armgenVersion);
      if (format === 'human') ctx.io.stderr(`armgen: ${run.results.length} config(s) linted, ${findings.length} finding(s)\n`);
      ctx.setExit(findings.length > 0 ? EXIT.findings : EXIT.ok);
    },
  };
}

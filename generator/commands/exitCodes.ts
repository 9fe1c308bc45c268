/**
 * armgen's exit codes, the contract every command keeps (README "CLI"):
 * 0 ok; 1 drift (`check`), lint findings or `--strict` warnings; 2 invalid input, usage or I/O error.
 */
export const EXIT = { ok: 0, findings: 1, invalid: 2 } as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

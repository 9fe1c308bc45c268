import { deployedTypes, type ResourceType } from '../azure/resourceTypes.js';
import { checkName, type NameRule } from '../azure/naming.js';
import { param, str, type Expr } from '../model/expr.js';
import type { DiagnosticCode } from '../diagnostics.js';
import type { ArmgenConfig, ParamRef } from '../model/config.generated.js';

export interface Finding {
  readonly pointer: string;
  readonly code: DiagnosticCode;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
}

/** What a parameter is used as: its expected ARM type and, for names, the Azure rule its values must meet. */
export interface ParamUse {
  readonly pointer: string;
  /** The JSON type the location needs; `any` inside another parameter's `{ expr }` default. */
  readonly type: 'string' | 'bool' | 'object' | 'array' | 'int' | 'any';
  readonly rule?: NameRule;
  /** A check each literal value of the parameter (default, parameter files, environments) must pass here. */
  readonly check?: ValueCheck;
  /**
   * Whether the location may hold a secure parameter: `secret` for write-only properties (a credential's password, an
   * encrypted variable); `refuse` where a secret would be shown to every Reader and never belongs (tags); otherwise a
   * secure parameter is readable there, which is warned.
   */
  readonly secrecy?: 'secret' | 'refuse';
}

/**
 * A rule for literal values: the problem in words, or undefined. `shown` is the value as the message quotes it; a
 * secure parameter's values are never checked this way (they are refused where written), so never quoted.
 */
export interface ValueCheck {
  readonly code: DiagnosticCode;
  readonly problem: (value: unknown, shown: string) => string | undefined;
}

/**
 * Shared state of one resolve run: findings are collected (never thrown one by one) so a user sees every
 * mistake at once, and every `{param: X}` is recorded so unused or mistyped parameters are caught.
 */
export class ResolveContext {
  readonly findings: Finding[] = [];
  readonly paramUses = new Map<string, ParamUse[]>();

  constructor(readonly config: ArmgenConfig) {}

  error(pointer: string, code: DiagnosticCode, message: string): void {
    this.findings.push({ pointer, code, severity: 'error', message });
  }

  /** A hint: printed, never a failure (not even with --strict). */
  info(pointer: string, code: DiagnosticCode, message: string): void {
    this.findings.push({ pointer, code, severity: 'info', message });
  }

  warn(pointer: string, code: DiagnosticCode, message: string): void {
    this.findings.push({ pointer, code, severity: 'warning', message });
  }

  get hasErrors(): boolean {
    return this.findings.some((f) => f.severity === 'error');
  }

  /** The API version for a type: the config's override, else the table default. */
  api(type: ResourceType): string {
    const override = this.config.apiVersions;
    return (override && Object.hasOwn(override, type) ? override[type] : undefined) ?? deployedTypes[type];
  }

  /**
   * A config value as an expression: literal strings are checked against `rule` now; parameter values
   * are checked later against every value the parameter can take (default, files, environments).
   */
  stringValue(value: string | ParamRef, pointer: string, rule?: NameRule): Expr {
    if (typeof value === 'string') {
      const problem = rule ? checkName(rule, value) : undefined;
      if (problem) this.error(pointer, 'AG300', problem);
      return str(value);
    }
    return this.useParam(value, { pointer: `${pointer}/param`, type: 'string', ...(rule ? { rule } : {}) });
  }

  /** Record a parameter reference and return its expression. */
  useParam(ref: ParamRef, use: ParamUse): Expr {
    const list = this.paramUses.get(ref.param) ?? [];
    list.push(use);
    this.paramUses.set(ref.param, list);
    return param(ref.param);
  }
}

export function isParamRef(value: unknown): value is ParamRef {
  return typeof value === 'object' && value !== null && 'param' in value;
}

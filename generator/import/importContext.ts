import type { Diagnostic } from '../diagnostics.js';
import { formatPath, type JsonPath, type JsonSource } from './jsonSource.js';

/** The diagnostic code of every import refusal (generator/diagnostics.ts). */
export const IMPORT_CODE = 'AG910';

/** A config value as armgen's schema spells it: a literal or `{ param: NAME }`. */
export type ConfigValue = string | number | boolean | { readonly param: string } | Record<string, unknown> | unknown[] | null;

/** The config being built, section by section (written in this key order, as the examples are). */
export interface ConfigDraft {
  description?: string;
  apiVersions: Record<string, string>;
  parameters: Record<string, Record<string, unknown>>;
  identities: Record<string, unknown>[];
  automationAccount?: Record<string, unknown>;
  roleAssignments: Record<string, unknown>[];
  environments: Record<string, { parameters: Record<string, unknown> }>;
  lock?: Record<string, unknown>;
  artifacts?: Record<string, unknown>;
  runtimeEnvironments?: Record<string, unknown>[];
  modules?: Record<string, unknown>[];
  powerShell72Modules?: Record<string, unknown>[];
  python3Packages?: Record<string, unknown>[];
  runbooks?: Record<string, unknown>[];
  schedules?: Record<string, unknown>[];
  jobSchedules?: Record<string, unknown>[];
  variables?: Record<string, unknown>[];
  credentials?: Record<string, unknown>[];
  hybridWorkerGroups?: Record<string, unknown>[];
  webhooks?: Record<string, unknown>[];
  sourceControls?: Record<string, unknown>[];
  diagnosticSettings?: Record<string, unknown>[];
  privateEndpoints?: Record<string, unknown>[];
  logAnalytics?: Record<string, unknown>;
}

/** A file next to the template (runbook scripts staged in `runbooks/`), by its path relative to the template's folder. */
export type ReadArtifact = (relativePath: string) => string | undefined;

/** A runbook file the imported config names with `file:`: where it goes (relative to the config) and its text, when found. */
export interface StagedFile {
  readonly path: string;
  readonly text?: string;
}

/** An identity the template creates or points at, keyed by the canonical spelling of its resource ID. */
export interface KnownIdentity {
  readonly handle: string;
  readonly config: Record<string, unknown>;
}

/**
 * What every import module shares: the template, the config draft, the identities and account found so far,
 * the comments for the written config, and the refusals. A refusal names the JSON path and its position; the
 * command writes nothing when there is one.
 */
export class ImportContext {
  readonly refusals: Diagnostic[] = [];
  /** Comments for the written config, by the dotted path of the config key they explain. */
  readonly comments = new Map<string, string>();
  /** Identities by canonical resource ID expression (`resourceid('microsoft.managedidentity/...','x')`). */
  readonly identities = new Map<string, KnownIdentity>();
  /** Identity handles armgen chose, recovered from its outputs (`<handle>ResourceId`), by canonical ID. */
  readonly outputHandles = new Map<string, string>();
  /** Canonical spellings of the account's name and resource ID, once the account is imported. */
  account?: { readonly name: string; readonly id: string };
  /** Reads the files staged next to the template (absent: none can be read). */
  readArtifact?: ReadArtifact;
  /** Runbook files the config names with `file:` (the user places them next to the config). */
  readonly stagedFiles: StagedFile[] = [];
  /** Names (lower case) of armgen's client-ID variables a recognised starter runbook re-creates. */
  readonly starterVariables = new Set<string>();
  /** armgen's default runtime environments (by name) that recognised starters run in without naming them. */
  readonly impliedEnvironments = new Set<string>();
  /** The identity handle armgen's AUTOMATION_SC_USER_ASSIGNED_IDENTITY_ID variable names (source control syncs as it). */
  sourceControlIdentity?: string;

  constructor(
    readonly source: JsonSource,
    readonly draft: ConfigDraft = { apiVersions: {}, parameters: {}, identities: [], roleAssignments: [], environments: {} },
  ) {}

  /** Append an entry to a list section of the draft. */
  push(section: ListSection, entry: Record<string, unknown>): void {
    (this.draft[section] ??= []).push(entry);
  }

  refuse(path: JsonPath, message: string): void {
    const { line, col } = this.source.position(path);
    this.refusals.push({ file: this.source.file, line, col, severity: 'error', code: IMPORT_CODE, message: `${formatPath(path)}: ${message}` });
  }

  comment(configPath: string, text: string): void {
    const before = this.comments.get(configPath);
    this.comments.set(configPath, before ? `${before}\n${text}` : text);
  }
}

export type ListSection = 'runtimeEnvironments' | 'modules' | 'powerShell72Modules' | 'python3Packages' | 'runbooks' | 'schedules' | 'jobSchedules' | 'variables' | 'credentials' | 'hybridWorkerGroups' | 'webhooks' | 'sourceControls' | 'diagnosticSettings' | 'privateEndpoints';

/** A JSON object with its path: an importer takes the keys it maps, and every key left is refused by name. */
export class Fields {
  private readonly used = new Set<string>();

  constructor(
    readonly ctx: ImportContext,
    readonly value: Readonly<Record<string, unknown>>,
    readonly path: JsonPath,
  ) {}

  static of(ctx: ImportContext, value: unknown, path: JsonPath, what: string): Fields | undefined {
    if (isPlainObject(value)) return new Fields(ctx, value, path);
    ctx.refuse(path, `${what} must be a JSON object`);
    return undefined;
  }

  has(key: string): boolean {
    return Object.hasOwn(this.value, key);
  }

  take(key: string): unknown {
    this.used.add(key);
    return this.value[key];
  }

  /** A nested object (taken), or undefined when absent; refused when present but not an object. */
  object(key: string): Fields | undefined {
    if (!this.has(key)) return undefined;
    return Fields.of(this.ctx, this.take(key), this.at(key), `'${key}'`);
  }

  at(...keys: (string | number)[]): JsonPath {
    return [...this.path, ...keys];
  }

  /**
   * Keys armgen computes itself from the rest of the config (dependsOn, the inner template of its own modules):
   * taken without mapping, because the import is verified by rendering the config and comparing (verifyImport.ts).
   */
  derived(...keys: string[]): void {
    for (const k of keys) this.used.add(k);
  }

  /** Refuse every key no importer took: nothing is dropped silently. */
  finish(what: string): void {
    for (const key of Object.keys(this.value)) {
      if (!this.used.has(key)) this.ctx.refuse(this.at(key), `'${key}' of ${what} has no armgen equivalent`);
    }
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Azure built-in roles that armgen knows by name, so a config can say `role: Key Vault Secrets User` instead of a GUID.
 * The catalogue is data (builtinRoles.json, copied from "Azure built-in roles",
 * https://learn.microsoft.com/azure/role-based-access-control/built-in-roles; its `source` names the docs commit);
 * `category` is the page section the role is listed under. Cross-checked by test/unit/resolve/builtinRoles.test.ts
 * against ../shared/data/builtin-roles.json.
 *
 * Built-in role definition IDs are the same in every tenant and cloud, which is why a fixed table is safe. Role names
 * can be renamed by Microsoft (the ID stays), so templates always emit the ID and never the name.
 *
 * Aliases are spellings people actually type: abbreviations (VM, KV, MI, UAA, RBAC, ASR) and the singular/plural slips
 * the official names invite ("Key Vault Secret User"). An alias must name exactly one role: "Key Vault Secret Reader"
 * is deliberately NOT an alias, because it could mean Key Vault Reader (metadata only) or Key Vault Secrets User
 * (secret values), and guessing wrong either breaks the runbook or over-grants.
 */
import { didYouMean } from '../../util/didYouMean.js';
import catalogue from './builtinRoles.json' with { type: 'json' };
import { narrowerRoleByResourceType } from './leastPrivilege.js';

/** The docs section a role is listed under; matches the slug of its per-category page. */
export type BuiltinRoleCategory =
  | 'privileged'
  | 'general'
  | 'compute'
  | 'networking'
  | 'storage'
  | 'web-and-mobile'
  | 'containers'
  | 'databases'
  | 'analytics'
  | 'integration'
  | 'identity'
  | 'security'
  | 'monitor'
  | 'management-and-governance';

export interface BuiltinRole {
  /** Display name exactly as the docs spell it. */
  readonly name: string;
  /** Role definition GUID, lowercase canonical form (the last segment of `.../roleDefinitions/<id>`). */
  readonly id: string;
  /** Other spellings that resolve to this role; each unique across all names and aliases. */
  readonly aliases: readonly string[];
  /** True for the docs' "privileged administrator" roles: they can manage everything or grant access to others. */
  readonly privileged?: boolean;
  /** The docs section the role is listed under. */
  readonly category?: BuiltinRoleCategory;
}

/** The catalogue, grouped as on the docs page. */
export const builtinRoles: readonly BuiltinRole[] = Object.freeze(
  catalogue.roles.map((r: { category: string; name: string; id: string; aliases?: string[] }) => ({
    name: r.name,
    id: r.id,
    aliases: r.aliases ?? [],
    category: r.category as BuiltinRoleCategory,
    ...(r.category === 'privileged' ? { privileged: true } : {}),
  })),
);

/** Lookup key: case-insensitive, surrounding whitespace ignored, internal whitespace runs collapsed to one space. */
function normalise(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Lookup maps over a role table. */
export interface BuiltinRoleIndex {
  readonly byText: ReadonlyMap<string, BuiltinRole>;
  readonly byId: ReadonlyMap<string, BuiltinRole>;
}

/**
 * Index a role table by normalised name/alias and by GUID.
 * @throws Error when an ID is not a lowercase canonical GUID, two roles share an ID, or a name or alias collides
 *   (after normalisation) with any other name or alias.
 */
export function indexBuiltinRoles(roles: readonly BuiltinRole[]): BuiltinRoleIndex {
  const byText = new Map<string, BuiltinRole>();
  const byId = new Map<string, BuiltinRole>();
  for (const role of roles) {
    if (!GUID.test(role.id)) throw new Error(`builtinRoles: '${role.name}' has id '${role.id}', not a lowercase canonical GUID`);
    const sameId = byId.get(role.id);
    if (sameId) throw new Error(`builtinRoles: '${role.name}' and '${sameId.name}' share id ${role.id}`);
    byId.set(role.id, role);
    for (const text of [role.name, ...role.aliases]) {
      const key = normalise(text);
      const clash = byText.get(key);
      if (clash) throw new Error(`builtinRoles: '${text}' (on '${role.name}') collides with name or alias of '${clash.name}'`);
      byText.set(key, role);
    }
  }
  return { byText, byId };
}

const index = indexBuiltinRoles(builtinRoles);

for (const [type, rule] of Object.entries(narrowerRoleByResourceType)) {
  for (const name of [...rule.broad, ...rule.suggest.map((s) => s.role)]) {
    if (index.byText.get(normalise(name))?.name !== name) {
      throw new Error(`narrowerRoleByResourceType['${type}']: '${name}' is not a built-in role display name in builtinRoles`);
    }
  }
  const circular = rule.suggest.find((s) => rule.broad.includes(s.role));
  if (circular) throw new Error(`narrowerRoleByResourceType['${type}']: '${circular.role}' is both broad and suggested`);
}

/** Every name and alias, for did-you-mean. */
const lookupTexts: readonly string[] = builtinRoles.flatMap((r) => [r.name, ...r.aliases]);

/**
 * Find a built-in role by display name or alias: case-insensitive, surrounding whitespace ignored, internal whitespace
 * runs treated as one space. O(1).
 * @returns the role, or undefined when the text names no built-in role (it may still be a custom role).
 */
export function findBuiltinRole(text: string): BuiltinRole | undefined {
  return index.byText.get(normalise(text));
}

/**
 * "Did you mean" candidates for text that {@link findBuiltinRole} did not resolve: names and aliases that
 * {@link didYouMean} finds close, reported as display names, deduplicated, best first. Roles whose whole name merely
 * appears inside the input (e.g. 'Reader' in 'Key Vault Secret Reader') rank after genuine near-misses.
 * @returns at most 3 display names; empty when nothing is close.
 */
export function suggestBuiltinRoles(text: string): string[] {
  const needle = normalise(text);
  const matches = didYouMean(needle, lookupTexts, lookupTexts.length);
  // didYouMean scores "the input contains this candidate" as a near-exact hit, so a generic role such as 'Reader'
  // would outrank 'Key Vault Secrets User' for 'Key Vault Secret Reader'. Keep those hits, but after the others.
  const containedInInput = (m: string): boolean => needle.includes(m.toLowerCase()) && needle !== m.toLowerCase();
  const ranked = [...matches.filter((m) => !containedInInput(m)), ...matches.filter(containedInInput)];
  const exact = index.byText.get(needle);
  const names: string[] = exact ? [exact.name] : [];
  for (const match of ranked) {
    const name = index.byText.get(normalise(match))?.name;
    if (name !== undefined && !names.includes(name)) names.push(name);
    if (names.length === 3) break;
  }
  return names;
}

/**
 * Find a built-in role by its role definition GUID (surrounding whitespace and letter case ignored).
 * @returns the role, or undefined for an unknown GUID (for example a custom role).
 */
export function findBuiltinRoleById(guid: string): BuiltinRole | undefined {
  return index.byId.get(guid.trim().toLowerCase());
}

import fc from 'fast-check';
import { childSections } from './childArbitraries.js';
import { alnum, guid, hostileString, identityResourceName, letters, pick, rgName } from './primitives.js';

export { guid, hostileString, identityResourceName, rgName } from './primitives.js';

/**
 * Arbitraries for armgen configs: valid ones over every identity kind, scope kind and hostile string,
 * and mutations of them that must be rejected. Kept apart from the properties so they can be reused.
 * Hostile names and edge values (prototype names, Bicep words, case variants, numbers at the edges, surrogates,
 * C0/C1 and bidi controls): hostileValues.ts, re-exported here; configs built from them: hostileConfigs.ts.
 */
export * from './hostileValues.js';

/** Automation account name: 6-50, letters/digits/hyphens, starts with a letter, ends alphanumeric. */
export const accountName = fc
  .tuple(pick(letters), fc.array(fc.oneof(pick(alnum), fc.constant('-')), { minLength: 4, maxLength: 40 }), pick(alnum))
  .map(([a, mid, z]) => `${a}${mid.join('')}${z}`);

/** Names valid for each scoped resource type (Azure's per-type rules, which armgen enforces). */
const keyVaultName = fc
  .tuple(pick(letters), fc.array(fc.oneof(pick(alnum), fc.constant('-')), { minLength: 1, maxLength: 20 }), pick(alnum))
  .map(([a, mid, z]) => `${a}${mid.join('').replace(/-+/g, '-')}${z}`);
const storageName = fc.array(pick(alnum), { minLength: 3, maxLength: 24 }).map((a) => a.join(''));
const scopedResource = fc.oneof(
  fc.record({ type: fc.constant('Microsoft.KeyVault/vaults'), name: keyVaultName }),
  fc.record({ type: fc.constant('Microsoft.Storage/storageAccounts'), name: storageName }),
  fc.record({ type: fc.constant('Microsoft.Compute/virtualMachines'), name: identityResourceName }),
);

// Tag names are case-insensitive in Azure: two names equal but for case are (rightly) refused.
const tags = fc
  .uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !/[<>%&\\?/]/.test(k) && k !== '__proto__'), hostileString.filter((v) => v.length <= 256)), {
    maxLength: 4,
    selector: ([k]) => k.toLowerCase(),
  })
  .map((entries) => Object.fromEntries(entries));

const identityEntry = (name: string) =>
  fc.oneof(
    fc.record({ name: fc.constant(name), resourceName: identityResourceName }),
    fc.record({ name: fc.constant(name), resourceName: identityResourceName, resourceGroup: rgName }),
    fc.record({ name: fc.constant(name), resourceName: identityResourceName, resourceGroup: rgName, subscriptionId: guid }),
    fc
      .tuple(guid, rgName, identityResourceName)
      .map(([s, g, n]) => ({ name, resourceId: `/subscriptions/${s}/resourceGroups/${g}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${n}` })),
    fc.record(
      {
        name: fc.constant(name),
        resourceName: identityResourceName,
        create: fc.constant(true),
        ...createdIdentityOptions,
        tags,
        // Entra takes one credential per name (case-insensitive) and per issuer + subject on an identity.
        federatedCredentials: fc
          .uniqueArray(
            fc.record({ name: identityResourceName.map((n) => `fic${n}`), issuer: fc.constant('https://token.actions.githubusercontent.com'), subject: hostileString.filter((s) => s.length > 0) }),
            { maxLength: 3, selector: (f) => f.name.toLowerCase() },
          )
          .map((list) => list.map((f, i) => ({ ...f, subject: `${f.subject}#${i}` }))),
      },
      { requiredKeys: ['name', 'resourceName', 'create'] },
    ),
  );

/**
 * Options of a created identity: a region, an isolation scope and a lock. A Regional identity must be in the account's
 * region, so it names none (it then follows the account); a ReadOnly lock is acknowledged, as armgen requires.
 */
const createdIdentityOptions = {
  location: fc.constantFrom('westeurope', 'northeurope', 'Sweden Central'),
  isolationScope: fc.constantFrom('None' as const, 'Regional' as const),
  lock: fc.oneof(
    fc.record({ level: fc.constant('CanNotDelete' as const), notes: hostileString.filter((s) => s.length > 0 && s.length <= 512) }, { requiredKeys: ['level'] }),
    fc.record({ level: fc.constant('ReadOnly' as const), readOnlyAcknowledged: fc.constant(true), name: identityResourceName.map((n) => `lock-${n}`) }),
  ),
};

/** A created identity with isolationScope Regional takes the account's region: drop a location the generator gave it. */
function regionalFollowsAccount(entry: Record<string, unknown>): Record<string, unknown> {
  return entry.isolationScope === 'Regional' ? { ...entry, location: undefined } : entry;
}

const roles = fc.constantFrom('Reader', 'Contributor', 'Key Vault Secrets User', 'virtual machine contributor', 'acdd72a7-3385-48ef-bd42-f606fba81ae7', '/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6', 'Automation Operator');

const scope = fc.oneof(
  fc.constant({ kind: 'resourceGroup' }),
  fc.record({ kind: fc.constant('resourceGroup'), name: rgName }),
  fc.record({ kind: fc.constant('resourceGroup'), name: rgName, subscriptionId: guid }),
  fc.constant({ kind: 'subscription' }),
  fc.record({ kind: fc.constant('subscription'), subscriptionId: guid }),
  fc.constant({ kind: 'automationAccount' }),
  scopedResource.map((r) => ({ kind: 'resource', ...r })),
  fc.tuple(scopedResource, rgName, guid).map(([r, g, s]) => ({ kind: 'resource', ...r, resourceGroup: g, subscriptionId: s })),
  fc.tuple(guid, rgName, scopedResource).map(([s, g, r]) => ({ kind: 'resource', resourceId: `/subscriptions/${s}/resourceGroups/${g}/providers/${r.type}/${r.name}` })),
);

/** A valid config as plain data (serialised to YAML or JSON by the property). */
export const validConfig: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    handles: fc.uniqueArray(fc.constantFrom('ops', 'reader', 'runner', 'kv', 'deployer'), { maxLength: 3 }),
    system: fc.boolean(),
    name: accountName,
    useParam: fc.boolean(),
    sku: fc.constantFrom('Basic', 'Free'),
    tags: fc.option(tags, { nil: undefined }),
    publicNetworkAccess: fc.option(fc.boolean(), { nil: undefined }),
    disableLocalAuth: fc.option(fc.boolean(), { nil: undefined }),
    description: hostileString,
  })
  .chain((base) =>
    fc
      .record({
        identities: fc.tuple(...base.handles.map(identityEntry)).map((list) =>
          // Distinct Azure identities: two entries naming the same identity are (rightly) a config error.
          list.map((entry, i) => {
            const e = regionalFollowsAccount(entry as Record<string, unknown>);
            if (typeof e.resourceName === 'string') return { ...e, resourceName: `${e.resourceName}${i}` };
            if (typeof e.resourceId === 'string') return { ...e, resourceId: `${e.resourceId}${i}` };
            return e;
          }),
        ),
        assignments: fc.array(
          fc.record({
            identity: fc.constantFrom(...(base.system ? ['system'] : []), ...base.handles, ...(base.system || base.handles.length ? [] : ['none'])),
            role: roles,
            // Role assignments on the config's own identities too (they compose with a lock on a created one).
            scope: base.handles.length ? fc.oneof(scope, fc.constantFrom(...base.handles).map((h) => ({ kind: 'identity', name: h }))) : scope,
            description: fc.option(hostileString.filter((s) => s.length > 0 && s.length < 1000), { nil: undefined }),
          }),
          { maxLength: base.system || base.handles.length ? 4 : 0 },
        ),
      })
      .map(({ identities, assignments }) => {
        // The same role by name, GUID or ID is one role: a repeat is (rightly) a duplicate-assignment error.
        const canonical = (role: string) => ({ 'acdd72a7-3385-48ef-bd42-f606fba81ae7': 'reader', '/providers/microsoft.authorization/roledefinitions/4633458b-17de-408a-b874-0445c86b69e6': 'key vault secrets user' })[role.toLowerCase()] ?? role.toLowerCase();
        const unique = new Map(assignments.map((a) => [JSON.stringify([a.identity, canonical(a.role), a.scope]), a]));
        const config: Record<string, unknown> = {
          description: base.description,
          ...(base.useParam ? { parameters: { accountName: { type: 'string', defaultValue: base.name, description: base.description } } } : {}),
          identities: identities.length ? identities : undefined,
          automationAccount: {
            name: base.useParam ? { param: 'accountName' } : base.name,
            sku: base.sku,
            ...(base.tags ? { tags: base.tags } : {}),
            ...(base.publicNetworkAccess === undefined ? {} : { publicNetworkAccess: base.publicNetworkAccess }),
            ...(base.disableLocalAuth === undefined ? {} : { disableLocalAuth: base.disableLocalAuth }),
            identity: { systemAssigned: base.system, userAssigned: base.handles },
          },
          roleAssignments: [...unique.values()].filter((a) => a.identity !== 'none').map((a) => (a.description === undefined ? { ...a, description: undefined } : a)),
        };
        return JSON.parse(JSON.stringify(config)) as Record<string, unknown>;
      }),
  );

/** One way to break a valid config; every one must be rejected with a located diagnostic. */
export type Mutation = (config: Record<string, unknown>) => Record<string, unknown>;

const account = (c: Record<string, unknown>) => c.automationAccount as Record<string, unknown>;

export const mutation: fc.Arbitrary<{ label: string; apply: Mutation }> = fc.oneof(
  fc.constant({ label: 'account name wrong type', apply: (c: Record<string, unknown>) => ({ ...c, automationAccount: { ...account(c), name: 12345 } }) }),
  fc.constant({ label: 'account name missing', apply: (c: Record<string, unknown>) => ({ ...c, automationAccount: { ...account(c), name: undefined } }) }),
  fc.constant({ label: 'account missing', apply: (c: Record<string, unknown>) => ({ ...c, automationAccount: undefined }) }),
  fc.constantFrom('ab', 'x'.repeat(51), '1abcdef', 'abcdef-', 'abc_def', 'abc def').map((n) => ({
    label: `account name out of range: ${n.slice(0, 12)}`,
    apply: (c: Record<string, unknown>) => ({ ...c, parameters: undefined, automationAccount: { ...account(c), name: n } }),
  })),
  fc.string({ minLength: 1, maxLength: 10 }).filter((k) => /^[a-z]+$/.test(k)).map((k) => ({
    label: `unknown key zz${k}`,
    apply: (c: Record<string, unknown>) => ({ ...c, automationAccount: { ...account(c), [`zz${k}`]: true } }),
  })),
  fc.constant({ label: 'sku not in enum', apply: (c: Record<string, unknown>) => ({ ...c, automationAccount: { ...account(c), sku: 'Premium' } }) }),
  fc.constant({ label: 'boolean as string', apply: (c: Record<string, unknown>) => ({ ...c, automationAccount: { ...account(c), disableLocalAuth: 'yes' } }) }),
  fc.constant({
    label: 'role for an unknown identity',
    apply: (c: Record<string, unknown>) => ({ ...c, roleAssignments: [{ identity: 'nobody', role: 'Reader', scope: { kind: 'resourceGroup' } }] }),
  }),
  fc.constant({
    label: 'unknown role name',
    apply: (c: Record<string, unknown>) => ({
      ...c,
      automationAccount: { ...account(c), identity: { systemAssigned: true } },
      identities: undefined,
      roleAssignments: [{ identity: 'system', role: 'Contributer of Everything', scope: { kind: 'resourceGroup' } }],
    }),
  }),
  fc.constantFrom('kv_underscore', 'KV--double', 'ab', 'x'.repeat(25)).map((n) => ({
    label: `Key Vault scope name breaks Azure's rule: ${n.slice(0, 12)}`,
    apply: (c: Record<string, unknown>) => ({
      ...c,
      automationAccount: { ...account(c), identity: { systemAssigned: true } },
      identities: undefined,
      roleAssignments: [{ identity: 'system', role: 'Key Vault Secrets User', scope: { kind: 'resource', type: 'Microsoft.KeyVault/vaults', name: n } }],
    }),
  })),
  fc.constant({ label: 'scope kind unknown', apply: (c: Record<string, unknown>) => ({ ...c, roleAssignments: [{ identity: 'system', role: 'Reader', scope: { kind: 'tenant' } }] }) }),
  fc.constant({ label: 'webhook for an undeclared runbook', apply: (c: Record<string, unknown>) => ({ ...c, webhooks: [{ name: 'hook', runbook: 'Missing-Runbook' }] }) }),
  fc.constant({
    label: 'source-control token in clear',
    apply: (c: Record<string, unknown>) => ({
      ...c,
      sourceControls: [{ name: 'repo', sourceType: 'GitHub', repoUrl: 'https://github.com/c/r.git', branch: 'main', folderPath: '/r', description: 'd', securityToken: { accessToken: 'ghp_clear' } }],
    }),
  }),
  fc.constant({
    label: 'one machine in two worker groups',
    apply: (c: Record<string, unknown>) => {
      const vmResourceId = '/subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/rg-w/providers/Microsoft.Compute/virtualMachines/vm-1';
      return { ...c, hybridWorkerGroups: [{ name: 'a', workers: [{ vmResourceId }] }, { name: 'b', workers: [{ vmResourceId }] }] };
    },
  }),
);

/** A valid config with child sections too. */
export const fullConfig: fc.Arbitrary<Record<string, unknown>> = validConfig.chain((config) => {
  const account = config.automationAccount as { identity: { systemAssigned: boolean; userAssigned: string[] } };
  const ids = [...(account.identity.systemAssigned ? ['system'] : []), ...account.identity.userAssigned];
  if (ids.length === 0) return fc.constant(config);
  return childSections(ids).map((children) => {
    const { sourceContributor, ...sections } = children;
    const merged: Record<string, unknown> = { ...config, ...sections };
    const secure = (description: string) => ({ type: 'securestring', description });
    merged.parameters = {
      ...(config.parameters as object | undefined),
      ...(children.credentials ? { sqlPassword: secure('SQL password') } : {}),
      ...((children.webhooks as { uri?: unknown }[] | undefined)?.some((w) => w.uri) ? { hookUri: secure('Webhook URI generated beforehand') } : {}),
      ...(children.sourceControls ? { scmToken: secure('Source control token') } : {}),
    };
    // Webhooks need local authentication (AG311 otherwise).
    if (children.webhooks) merged.automationAccount = { ...(config.automationAccount as object), disableLocalAuth: false };
    const roles = (config.roleAssignments ?? []) as { identity: string; role: string; scope: { kind: string } }[];
    const granted = roles.some((r) => r.identity === sourceContributor && r.role.toLowerCase() === 'contributor' && r.scope.kind === 'automationAccount');
    if (typeof sourceContributor === 'string' && !granted) merged.roleAssignments = [...roles, { identity: sourceContributor, role: 'Contributor', scope: { kind: 'automationAccount' } }];
    return JSON.parse(JSON.stringify(merged)) as Record<string, unknown>;
  });
});

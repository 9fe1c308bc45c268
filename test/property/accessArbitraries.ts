import fc from 'fast-check';
import { alnum, assetName, futureTime, hostileString, identityResourceName, pick, runbookName } from './primitives.js';

/**
 * Valid hybrid worker groups, webhooks and source control for the config generator (arbitraries.ts).
 */

/** Hybrid worker groups: machines unique across groups (a machine is in one group), the extension only on Azure VMs. */
export const workerGroups = fc.uniqueArray(
  fc.record({
    name: assetName,
    useCredential: fc.boolean(),
    workers: fc.array(fc.record({ vm: identityResourceName, arc: fc.boolean(), install: fc.option(fc.constantFrom('Windows', 'Linux'), { nil: undefined }) }), { maxLength: 2 }),
  }),
  { maxLength: 2, selector: (g) => g.name.toLowerCase() },
);

export const webhookEntries = fc.uniqueArray(
  fc.record({
    name: assetName,
    expiry: fc.option(futureTime, { nil: undefined }),
    enabled: fc.option(fc.boolean(), { nil: undefined }),
    parameters: fc.option(fc.dictionary(runbookName, hostileString, { maxKeys: 2 }), { nil: undefined }),
    runOnGroup: fc.boolean(),
    byUri: fc.boolean(),
  }),
  { maxLength: 2, selector: (w) => w.name.toLowerCase() },
);

export const sourceControl = (identities: readonly string[]) =>
  fc.record({
    name: fc.array(pick(alnum), { minLength: 1, maxLength: 20 }).map((a) => a.join('')),
    sourceType: fc.constantFrom('GitHub', 'VsoGit', 'VsoTfvc'),
    identity: fc.constantFrom(...identities),
    autoSync: fc.option(fc.boolean(), { nil: undefined }),
    branch: runbookName,
    folderPath: fc.constantFrom('/runbooks', '/', '/ops/scripts'),
    description: hostileString.filter((s) => s.length > 0 && s.length <= 512),
    contributor: fc.boolean(),
  });

/** The groups, webhooks and source control of a config, as config data. */
export function accessSections(c: {
  groups: { name: string; useCredential: boolean; workers: { vm: string; arc: boolean; install: string | undefined }[] }[];
  webhooks: { name: string; expiry: string | undefined; enabled: boolean | undefined; parameters: Record<string, string> | undefined; runOnGroup: boolean; byUri: boolean }[];
  source: { name: string; sourceType: string; identity: string; autoSync: boolean | undefined; branch: string; folderPath: string; description: string } | undefined;
  credential: boolean;
  powershellRunbooks: readonly string[];
}): Record<string, unknown> {
  const groups = c.groups.map((g, gi) => ({
    name: g.name,
    ...(g.useCredential && c.credential ? { credential: 'sql-login' } : {}),
    workers: g.workers.map((w, wi) => {
      const type = w.arc ? 'Microsoft.HybridCompute/machines' : 'Microsoft.Compute/virtualMachines';
      const vmResourceId = `/subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/rg-workers-${gi}/providers/${type}/${w.vm}${wi}`;
      return { vmResourceId, ...(w.install && !w.arc ? { installExtension: { os: w.install } } : {}) };
    }),
  }));
  const webhooks = c.powershellRunbooks.length
    ? c.webhooks.map((w, i) => ({
        name: w.name,
        runbook: c.powershellRunbooks[i % c.powershellRunbooks.length],
        ...(w.expiry ? { expiryTime: w.expiry } : {}),
        ...(w.enabled === undefined ? {} : { enabled: w.enabled }),
        ...(w.parameters ? { parameters: w.parameters } : {}),
        ...(w.runOnGroup && groups.length ? { runOn: groups[0]!.name } : {}),
        ...(w.byUri ? { uri: { param: 'hookUri' } } : {}),
      }))
    : [];
  const s = c.source;
  const sourceControls = s
    ? [{
        name: s.name,
        sourceType: s.sourceType,
        repoUrl: s.sourceType === 'GitHub' ? `https://github.com/contoso/${s.branch}.git` : `https://dev.azure.com/contoso/ops/_git/${s.branch}`,
        ...(s.sourceType === 'VsoTfvc' ? {} : { branch: s.branch }),
        folderPath: s.folderPath,
        description: s.description,
        ...(s.autoSync === undefined ? {} : { autoSync: s.autoSync }),
        identity: s.identity,
        securityToken: { accessToken: { param: 'scmToken' } },
      }]
    : [];
  return {
    hybridWorkerGroups: groups.length ? groups : undefined,
    webhooks: webhooks.length ? webhooks : undefined,
    sourceControls: sourceControls.length ? sourceControls : undefined,
  };
}

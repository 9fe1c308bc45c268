import type { ArmgenConfig } from '../model/config.generated.js';
import { param } from '../model/expr.js';
import type { ResolvedModel } from '../model/resolved.js';
import { ResolveContext, type Finding } from './context.js';
import { SymbolTable } from './names.js';
import { resolveAccount } from './resolveAccount.js';
import { resolveArtifacts } from './resolveArtifacts.js';
import { ASSET_PARAMETERS, resolveAssets, type ResolveOptions } from './resolveAssets.js';
import { expressionLookalikes } from './expressions.js';
import { resolveIdentityLocks, usesDefaultLocation } from './identityOptions.js';
import { resolveIdentities } from './resolveIdentities.js';
import { resolveKeyAccess } from './resolveKeyAccess.js';
import { LOCATION_PARAMETER, resolveParameters } from './resolveParameters.js';
import { resolveOutputs } from './resolveOutputs.js';
import { resolveRoleAssignments } from './resolveRoleAssignments.js';

export type ResolveResult = { ok: true; model: ResolvedModel; findings: readonly Finding[] } | { ok: false; findings: readonly Finding[] };

/**
 * Config -> ResolvedModel (pure). Errors are collected across every stage and returned together;
 * the model is returned only when there are none.
 */
export function resolveModel(name: string, config: ArmgenConfig, options: ResolveOptions = {}): ResolveResult {
  const ctx = new ResolveContext(config);
  const symbols = new SymbolTable(Object.keys(config.parameters ?? {}).concat(LOCATION_PARAMETER, ...ASSET_PARAMETERS));
  const location = config.automationAccount.location === undefined
    ? ctx.useParam({ param: LOCATION_PARAMETER }, { pointer: '/automationAccount/location', type: 'string' })
    : ctx.stringValue(config.automationAccount.location, '/automationAccount/location');
  const identityLocation = config.automationAccount.location === undefined ? location : param(LOCATION_PARAMETER);
  if (config.automationAccount.location !== undefined && config.identities?.some(usesDefaultLocation)) {
    ctx.useParam({ param: LOCATION_PARAMETER }, { pointer: '/identities', type: 'string' });
  }
  const ids = resolveIdentities(ctx, symbols, {
    defaultLocation: identityLocation,
    accountLocation: location,
    ...(config.automationAccount.location === undefined ? {} : { accountConfigLocation: config.automationAccount.location }),
  });
  const account = resolveAccount(ctx, symbols, ids.identities, location);
  const roles = resolveRoleAssignments(ctx, symbols, {
    account: { ref: account.ref, systemAssigned: account.systemAssigned, systemPrincipalId: account.systemPrincipalId },
    attached: account.attached,
    identities: ids.identities,
  });
  const accountNode = resolveKeyAccess(ctx, account.resource, account.encryption, roles.assignments);
  const assets = resolveAssets(ctx, symbols, { account, location, identities: ids.identities, assignments: roles.assignments }, options);
  const lock = assets.lock([...assets.resources, ...roles.resources]);
  const identityLocks = resolveIdentityLocks(ctx, symbols, ids.identities, [...ids.resources, ...roles.resources]);
  const outputs = resolveOutputs(ctx, account, ids.identities);
  const resolvedParameters = resolveParameters(ctx, ASSET_PARAMETERS);
  const parameters = resolvedParameters.parameters;
  const files = resolveArtifacts(ctx, assets.extraFiles.length > 0, resolvedParameters.files);
  for (const pointer of expressionLookalikes(config)) {
    ctx.warn(pointer, 'AG303', "this literal looks like an ARM expression but is kept as text (armgen writes no expression from a string); for a value computed at deployment, declare a parameter with defaultValue: { expr: ... } and use { param: NAME } here");
  }
  if (ctx.hasErrors) return { ok: false, findings: ctx.findings };
  return {
    ok: true,
    findings: ctx.findings,
    model: {
      name,
      template: {
        scope: 'resourceGroup',
        parameters: [...parameters, ...assets.parameters],
        resources: [...ids.resources, accountNode, ...assets.resources, ...roles.resources, ...(lock ? [lock] : []), ...identityLocks],
        outputs,
        existing: [...ids.existing, ...(account.encryption?.existing ?? []), ...roles.existing, ...assets.existing],
      },
      parameterFiles: files,
      extraFiles: assets.extraFiles,
      summary: {
        ...(config.description === undefined ? {} : { description: config.description }),
        account: {
          ref: account.ref,
          name: account.name,
          systemAssigned: account.systemAssigned,
          userAssigned: [...account.attached],
          ...(account.encryption?.summary ? { encryption: account.encryption.summary } : {}),
          ...(config.lock ? { lock: config.lock.level } : {}),
        },
        identities: [...ids.identities.values()].map((i) => ({
          handle: i.handle,
          ref: i.ref,
          ...(i.lock ? { lock: i.lock } : {}),
          ...(i.isolationScope ? { isolationScope: i.isolationScope } : {}),
        })),
        roleAssignments: roles.summaries,
        runbooks: assets.runbooks,
        ...(assets.webhooks.length ? { webhooks: assets.webhooks } : {}),
        ...(assets.hybridWorkerGroups.length ? { hybridWorkerGroups: assets.hybridWorkerGroups } : {}),
        ...(assets.sourceControls.length ? { sourceControls: assets.sourceControls } : {}),
        privateEndpoints: assets.privateEndpoints,
        ...(assets.logAnalytics ? { logAnalytics: assets.logAnalytics } : {}),
      },
    },
  };
}

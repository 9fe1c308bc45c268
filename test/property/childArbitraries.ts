import fc from 'fast-check';
import { accessSections, sourceControl, webhookEntries, workerGroups } from './accessArbitraries.js';
import { logAnalytics, privateEndpoints } from './networkArbitraries.js';
import { assetName, futureTime, hostileString, runbookName } from './primitives.js';

/** Arbitraries for the Automation account's child sections and connections (used by arbitraries.ts fullConfig). */
const version = fc.tuple(fc.nat(30), fc.nat(30), fc.nat(30)).map(([a, b, c]) => `${a}.${b}.${c}`);
/** A date and time with a UTC offset, as a DateTime variable takes it. */
const dateTimeWithOffset = fc
  .tuple(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-30T00:00:00Z'), noInvalidDate: true }), fc.constantFrom('Z', '+01:00', '-07:00', '+14:00'))
  .map(([d, zone]) => `${d.toISOString().slice(0, -1)}${zone}`)
  .filter((t) => /^\d{4}-/.test(t));
/** A variable value of every Automation type: String, Integer, Boolean, DateTime, Null (not defined) and complex. */
const jsonish: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.boolean(),
  dateTimeWithOffset.map((dateTime) => ({ dateTime })),
  fc.constant(null),
  fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k !== '__proto__' && k !== 'dateTime'), fc.oneof(hostileString, fc.integer()), { maxKeys: 3 }),
);


/**
 * The Automation child sections (runbooks, modules, packages, runtime environments, schedules, job schedules,
 * variables, credentials, hybrid worker groups, webhooks, source control, lock, diagnostic settings) and its connections (private endpoints, a linked workspace), for
 * an account whose identities are `identities`.
 */
export function childSections(identities: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const idForRunbook = identities.length ? fc.constantFrom(...identities) : fc.constant(undefined);
  return fc
    .record({
      runbooks: fc.uniqueArray(
        fc.record({
          name: runbookName,
          kind: fc.constantFrom('uri', 'generate-ps', 'generate-py'),
          identity: idForRunbook,
          description: fc.option(hostileString.filter((s) => s.length <= 512), { nil: undefined }),
          secret: fc.boolean(),
          version: fc.option(fc.constantFrom('1.0.0.0', '2.3.1'), { nil: undefined }),
          needsModule: fc.boolean(),
        }),
        { maxLength: 3, selector: (r) => r.name.toLowerCase() },
      ),
      modules: fc.uniqueArray(fc.record({ name: fc.constantFrom('Az.Accounts', 'Az.KeyVault', 'Az.Resources', 'SqlServer', 'PSLogging'), version: fc.option(version, { nil: undefined }) }), { maxLength: 4, selector: (m) => m.name }),
      ps72: fc.uniqueArray(fc.record({ name: fc.constantFrom('Az.Accounts', 'Az.Storage'), version: fc.option(version, { nil: undefined }) }), { maxLength: 2, selector: (m) => m.name }),
      // A Python package is linked by its wheel file (a feed base + name is refused: packageLinks.ts).
      python: fc.uniqueArray(
        fc.constantFrom('requests', 'azure-identity').map((name) => ({ name, uri: `https://pypi.example.org/packages/${name.replace(/-/g, '_')}-1.0.0-py3-none-any.whl` })),
        { maxLength: 2, selector: (p) => p.name },
      ),
      runtime: fc.option(fc.record({ name: fc.constant('ps74'), language: fc.constant('PowerShell'), version: fc.constant('7.4'), defaultPackages: fc.constant({ Az: '12.3.0' }) }), { nil: undefined }),
      schedules: fc.uniqueArray(
        fc.record({
          name: assetName,
          frequency: fc.constantFrom('Day', 'Hour', 'Week', 'Month', 'OneTime'),
          interval: fc.integer({ min: 1, max: 30 }),
          startTime: fc.option(futureTime, { nil: undefined }),
          timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'W. Europe Standard Time'),
          description: fc.option(hostileString.filter((s) => s.length <= 512), { nil: undefined }),
        }),
        { maxLength: 3, selector: (s) => s.name.toLowerCase() },
      ),
      variables: fc.uniqueArray(fc.record({ name: assetName, value: jsonish, isEncrypted: fc.boolean() }), { maxLength: 3, selector: (v) => v.name.toLowerCase() }),
      credential: fc.boolean(),
      lock: fc.option(
        fc.oneof(
          fc.record({ level: fc.constant('CanNotDelete' as const), notes: hostileString.filter((s) => s.length > 0 && s.length <= 512) }),
          fc.record({ level: fc.constant('ReadOnly' as const), readOnlyAcknowledged: fc.constant(true), notes: hostileString.filter((s) => s.length > 0 && s.length <= 512) }),
        ),
        { nil: undefined },
      ),
      diagnostics: fc.boolean(),
      link: fc.boolean(),
      folder: fc.option(fc.constantFrom('scripts', 'ops/automation', 'Runbook_Files'), { nil: undefined }),
      endpoints: privateEndpoints,
      logAnalytics,
      groups: workerGroups,
      webhooks: webhookEntries,
      source: fc.option(sourceControl(identities), { nil: undefined }),
    })
    .map((c) => {
      const runbooks = c.runbooks.map((r) => {
        const base = { name: r.name, ...(r.description ? { description: r.description } : {}), ...(r.version ? { version: r.version } : {}) };
        // A PowerShell 5.1 runbook may wait for the modules it uses (names resolve against `modules`).
        const dependsOn = r.needsModule && c.modules.length ? { dependsOn: [c.modules[0]!.name] } : {};
        if (r.kind === 'uri') return { ...base, type: 'PowerShell', uri: `https://example.org/${r.name}.ps1`, ...dependsOn };
        const flow = r.kind === 'generate-ps' ? 'powershell' : 'python';
        return {
          ...base,
          // A generated Python runbook without a type runs in armgen's default Python 3.10 runtime environment.
          ...(flow === 'powershell' ? { type: 'PowerShell', ...dependsOn } : {}),
          generate: { flow, identity: r.identity ?? 'system', ...(r.secret ? { keyVaultSecret: { vaultName: 'kv-fuzz-01', secretName: 'secret-1' } } : {}) },
        };
      });
      const out: Record<string, unknown> = {
        runbooks: runbooks.length ? runbooks : undefined,
        modules: c.modules.length ? c.modules : undefined,
        powerShell72Modules: c.ps72.length ? c.ps72 : undefined,
        python3Packages: c.python.length ? c.python : undefined,
        runtimeEnvironments: c.runtime ? [c.runtime] : undefined,
        schedules: c.schedules.length ? c.schedules.map((s) => (s.frequency === 'OneTime' ? { ...s, interval: undefined } : s)) : undefined,
        jobSchedules: c.link && runbooks.length && c.schedules.length ? [{ runbook: runbooks[0]!.name, schedule: c.schedules[0]!.name }] : undefined,
        // An encrypted literal is refused unless acknowledged as not secret (it is written into the template in clear).
        // (A null value writes nothing, so there is nothing to acknowledge.)
        variables: c.variables.length ? c.variables.map((v) => (v.isEncrypted && v.value !== null ? { ...v, clearTextAcknowledged: true } : v)) : undefined,
        credentials: c.credential ? [{ name: 'sql-login', userName: 'svc-sql', password: { param: 'sqlPassword' } }] : undefined,
        lock: c.lock,
        // The staging folder only matters when a runbook is generated (a starter file is staged).
        artifacts: c.folder && runbooks.some((r) => 'generate' in r) ? { folder: c.folder } : undefined,
        diagnosticSettings: c.diagnostics ? [{ workspaceId: '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-mon/providers/Microsoft.OperationalInsights/workspaces/law-1' }] : undefined,
        privateEndpoints: c.endpoints.length ? c.endpoints : undefined,
        logAnalytics: c.logAnalytics,
        // webhooks cannot start Python runbooks (AG311): they start the PowerShell ones
        ...accessSections({ ...c, powershellRunbooks: runbooks.filter((r) => 'type' in r && r.type === 'PowerShell').map((r) => r.name) }),
        // the sync identity's Contributor on the account, as the docs ask (without it: an AG701 warning)
        sourceContributor: c.source?.contributor ? c.source.identity : undefined,
      };
      return out;
    });
}

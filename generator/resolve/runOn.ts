import { didYouMean, suggestionHint } from '../util/didYouMean.js';
import type { ResolveContext } from './context.js';
import type { ResolvedWorkerGroup } from './resolveHybridWorkers.js';

/**
 * A `runOn` (webhooks, job schedules): the hybrid worker group a job runs on. When the config declares groups, it
 * must name one of them (the node then waits for it); without `hybridWorkerGroups:` it names a group managed
 * elsewhere and is taken as written.
 */
export function runOnGroup(ctx: ResolveContext, runOn: string, pointer: string, groups: ReadonlyMap<string, ResolvedWorkerGroup>): ResolvedWorkerGroup | undefined {
  if (groups.size === 0) return undefined;
  const group = groups.get(runOn.toLowerCase());
  if (!group) {
    const hint = suggestionHint(didYouMean(runOn, [...groups.values()].map((g) => g.name)));
    ctx.error(pointer, 'AG301', `unknown hybrid worker group '${runOn}'.${hint || ' Declare it under hybridWorkerGroups:, or remove runOn to run in Azure'}`);
  }
  return group;
}

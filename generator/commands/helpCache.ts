import type { Argv } from 'yargs';

/** The part of yargs' internal usage object this touches (not in @types/yargs). */
interface UsageInternals {
  cacheHelpMessage(): void;
}

/**
 * yargs renders the whole help text after every command handler runs (command.js `cacheHelpMessage`), in case
 * the handler later asks for help. armgen's handlers never show help (usage errors fail before a handler runs,
 * and --help is answered by yargs before any handler), and that rendering (cliui + string-width measuring
 * every line) was ~140 ms of a cold `armgen generate`: skip it. Help output itself is unchanged.
 */
export function skipHelpCache<T>(y: Argv<T>): Argv<T> {
  const internals = (y as unknown as { getInternalMethods?: () => { getUsageInstance?: () => UsageInternals } }).getInternalMethods?.();
  const usage = internals?.getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
  return y;
}

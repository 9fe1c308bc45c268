import { randomBytes } from 'node:crypto';
import { closeSync, lstatSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { readInputText } from '../io/readInputFile.js';

/**
 * One armgen run at a time per output folder: `DIR/.armgen.lock`, created exclusively (O_EXCL), holding
 * the owner's pid, host, start time and a random token. A second run waits (backoff, bounded); a lock
 * whose process is gone (same host, `kill(pid, 0)` fails with ESRCH) is taken over. Hand-written rather
 * than proper-lockfile or lockfile: those judge a lock stale by its age and refresh it from a timer, which
 * cannot fire during armgen's synchronous write, so they would either steal a slow live run's lock or make
 * the user wait out a dead one; a pid check tells the two apart.
 */
export const LOCK_FILE = '.armgen.lock';
export const DEFAULT_LOCK_TIMEOUT_MS = 30_000;

/** An unreadable or half-written lock (its writer died between create and write) older than this is stale. */
const UNREADABLE_STALE_MS = 5_000;

interface Holder {
  /** The lock file's text, compared before a takeover removes it. */
  readonly raw: string;
  readonly pid?: number;
  readonly host?: string;
  readonly started?: string;
  readonly token?: string;
  /** Why the lock file could not be read (a link, not JSON...). */
  readonly problem?: string;
}

/** Another run holds the lock for longer than the timeout: names the holder and how to clear a stale lock. */
export class LockTimeoutError extends Error {}

/**
 * Take the lock of the output folder `root` (which must exist), waiting up to `timeoutMs`.
 * @returns release(): removes the lock if it is still this run's.
 * @throws LockTimeoutError
 */
export function acquireOutputLock(root: string, timeoutMs = DEFAULT_LOCK_TIMEOUT_MS): () => void {
  const path = join(root, LOCK_FILE);
  const token = randomBytes(8).toString('hex');
  const text = `${JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString(), token })}\n`;
  const deadline = Date.now() + timeoutMs;
  let delay = 10;
  for (;;) {
    if (tryCreate(path, text)) return () => releaseIfMine(root, path, token);
    const holder = readHolder(root, path);
    if (holder && isStale(holder, path) && takeOver(root, path, holder)) continue;
    if (holder === undefined) continue; // released between our attempt and the read: try again at once
    const left = deadline - Date.now();
    if (left <= 0) throw new LockTimeoutError(describeHolder(path, holder, timeoutMs));
    // Jittered exponential backoff, so two waiters do not retry in lockstep.
    sleep(Math.min(left, delay * (0.75 + Math.random() / 2)));
    delay = Math.min(delay * 1.6, 500);
  }
}

function tryCreate(path: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** The current holder, or undefined when there is no lock file any more. */
function readHolder(root: string, path: string): Holder | undefined {
  const read = readInputText(path, { within: { folder: root, name: 'the output folder' }, maxBytes: 4096 });
  if (!read.ok) return read.missing ? undefined : { raw: '', problem: read.reason };
  try {
    const data = JSON.parse(read.text) as Partial<Holder>;
    if (typeof data.pid === 'number' && typeof data.host === 'string' && typeof data.token === 'string') return { ...data, raw: read.text };
  } catch {
    // fall through: not (yet) a complete lock
  }
  return { raw: read.text, problem: 'is not a complete armgen lock' };
}

function isStale(holder: Holder, path: string): boolean {
  if (holder.problem !== undefined || holder.pid === undefined) return ageMs(path) > UNREADABLE_STALE_MS;
  if (holder.host !== hostname()) return false; // another machine (a shared folder): its pid means nothing here
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH'; // EPERM: alive, another user's
  }
}

/**
 * Remove a stale lock. Two waiters could both judge it stale, and the second could then remove the lock
 * the first has just created; so the removal runs under a second exclusive file, and removes the lock only
 * while it still holds the stale text. @returns whether the stale lock is gone.
 */
function takeOver(root: string, path: string, stale: Holder): boolean {
  const guard = `${path}.takeover`;
  if (!tryCreate(guard, `${process.pid}\n`)) {
    // Held for microseconds; an old one belongs to a run that died inside a takeover.
    if (ageMs(guard) > UNREADABLE_STALE_MS) unlinkQuietly(guard);
    return false;
  }
  try {
    const now = readHolder(root, path);
    if (now === undefined) return true;
    if (now.raw !== stale.raw || now.problem !== stale.problem) return false;
    unlinkQuietly(path);
    return true;
  } finally {
    unlinkQuietly(guard);
  }
}

function releaseIfMine(root: string, path: string, token: string): void {
  if (readHolder(root, path)?.token === token) unlinkQuietly(path);
}

function describeHolder(path: string, holder: Holder, timeoutMs: number): string {
  const waited = `waited ${Math.round(timeoutMs / 1000)} s`;
  if (holder.problem !== undefined) return `${path} ${holder.problem}; ${waited}. If no armgen is running on this output folder, delete ${path}`;
  return `another armgen run (process ${holder.pid} on ${holder.host}, started ${holder.started ?? 'at an unknown time'}) holds ${path}; ${waited}. If no armgen is running, delete ${path}`;
}

function ageMs(path: string): number {
  try {
    return Date.now() - lstatSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** Block this thread: armgen's write is synchronous, and nothing else runs while it waits. */
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, Math.max(1, Math.round(ms)));
}

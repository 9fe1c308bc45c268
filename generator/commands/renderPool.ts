// The one module of generator/ that uses worker_threads: its workers run armgen's own pipeline on config
// files (the same code as the main thread), never code from a config.
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import type { ConfigOutcome, ConfigResult, GenerateOptions } from '../generate.js';

/**
 * Below this many configs a batch renders on the main thread alone: starting a worker loads the whole
 * pipeline again (hundreds of ms on a busy 2-core machine), which only a large batch wins back.
 */
export const POOL_MIN_CONFIGS = 100;
/** Each worker must have at least this many configs to be worth its start. */
const CONFIGS_PER_WORKER = 50;
const MAX_WORKERS = 8;
/** A worker that sends nothing for this long is given up on: the main thread renders what it had claimed. */
const STALL_MS = 60_000;

/** What a worker needs to render like the main thread (all structured-cloneable). */
interface PoolJob {
  readonly files: readonly string[];
  readonly options: GenerateOptions;
  readonly out: string;
  readonly now: number;
}

interface WorkerInput extends PoolJob {
  readonly armgenRenderPool: true;
  /** [0]: the next unclaimed file index; [1]: messages sent (a worker bumps it and wakes the main thread). */
  readonly shared: Int32Array;
  readonly port: MessagePort;
}

type WorkerMessage = { readonly index: number; readonly result: ConfigOutcome } | { readonly index: number; readonly error: string };

/**
 * How many workers a batch gets: none below POOL_MIN_CONFIGS, else one per idle core beside the main thread.
 * Idle = cores not already busy by the 1-minute load average (0 where the OS reports none): a worker on a
 * core other processes keep busy only adds its start-up and cloning to the run (measured: 40% slower on a
 * 2-core machine at load 4).
 */
export function poolSize(configs: number): number {
  if (configs < POOL_MIN_CONFIGS) return 0;
  const idle = Math.floor(availableParallelism() - (loadavg()[0] ?? 0));
  return Math.max(0, Math.min(idle - 1, MAX_WORKERS, Math.floor(configs / CONFIGS_PER_WORKER)));
}

/** Renders one config file exactly as runConfigs does on the main thread. */
export type RenderOne = (file: string, options: GenerateOptions, out: string, now: Date) => ConfigResult;

/**
 * Render every file with `workers` worker threads beside the main thread (default poolSize), or return
 * undefined when that is none (the caller renders sequentially). The main thread renders too; every thread claims the next
 * file from a shared counter, so a slow-starting worker only takes fewer files. Results come back in file
 * order, so the output is byte-identical to a sequential run and all-or-nothing is decided as before, by the
 * caller, after every result is in. No result carries its `model` (no command reads it; cloning it would cost
 * more than rendering it, and a batch holding them all would not fit the memory budget) and no ARM artifact its
 * parsed `json` (lint has run).
 * @throws Error when a worker hit an armgen bug, as the main thread would have thrown it.
 */
export function renderInPool(job: PoolJob, renderOne: RenderOne, onDone?: (done: number) => void, workers = poolSize(job.files.length)): ConfigOutcome[] | undefined {
  if (workers < 1) return undefined;
  const shared = new Int32Array(new SharedArrayBuffer(8));
  const ports: MessagePort[] = [];
  const threads: Worker[] = [];
  try {
    for (let k = 0; k < workers; k++) {
      const { port1, port2 } = new MessageChannel();
      const input: WorkerInput = { ...job, armgenRenderPool: true, shared, port: port2 };
      threads.push(new Worker(fileURLToPath(import.meta.url), { workerData: input, transferList: [port2] }));
      ports.push(port1);
    }
  } catch {
    for (const t of threads) void t.terminate();
    return undefined;
  }
  try {
    return collect(job, shared, ports, renderOne, onDone);
  } finally {
    for (const p of ports) p.close();
    for (const t of threads) void t.terminate();
  }
}

function collect(job: PoolJob, shared: Int32Array, ports: readonly MessagePort[], renderOne: RenderOne, onDone?: (done: number) => void): ConfigOutcome[] {
  const results: (ConfigOutcome | undefined)[] = new Array(job.files.length);
  const now = new Date(job.now);
  let done = 0;
  let failure: string | undefined;
  const drain = (): boolean => {
    let any = false;
    for (const port of ports) {
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const msg = m.message as WorkerMessage;
        any = true;
        if ('error' in msg) failure ??= msg.error;
        else results[msg.index] = msg.result;
        done++;
        onDone?.(done);
      }
    }
    return any;
  };
  for (let i = Atomics.add(shared, 0, 1); i < job.files.length; i = Atomics.add(shared, 0, 1)) {
    // Slimmed like the workers' results: a large batch must not hold every model and parsed template (memory).
    results[i] = slim(renderOne(job.files[i]!, job.options, job.out, now));
    done++;
    onDone?.(done);
    drain();
  }
  let quietSince = Date.now();
  while (done < job.files.length && failure === undefined) {
    const seen = Atomics.load(shared, 1);
    if (drain()) quietSince = Date.now();
    else if (Date.now() - quietSince > STALL_MS) break;
    else Atomics.wait(shared, 1, seen, 100);
  }
  if (failure !== undefined) throw new Error(failure);
  // Files a stalled worker had claimed: rendered here (rendering is pure, so the bytes are the same).
  return results.map((r, i) => r ?? slim(renderOne(job.files[i]!, job.options, job.out, now)));
}

/** True in a thread this module started: the bundle's entry then serves the pool instead of running the CLI. */
export function isRenderWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerInput> | null)?.armgenRenderPool === true;
}

/** A result as a command reads it: no resolved model, no parsed ARM JSON (lint has run). */
export function slim(r: ConfigResult): ConfigOutcome {
  if (!r.ok) return r;
  const { model: _model, ...rest } = r;
  return { ...rest, artifacts: r.artifacts.map(({ json: _json, ...a }) => a) };
}

/** A worker's loop: claim the next file, render it, send the result back, wake the main thread. */
async function serve(input: WorkerInput): Promise<void> {
  // Loaded here, not at the top: the main thread imports this module from runConfigs.
  const { renderConfigFile } = await import('./runConfigs.js');
  const now = new Date(input.now);
  for (let i = Atomics.add(input.shared, 0, 1); i < input.files.length; i = Atomics.add(input.shared, 0, 1)) {
    let msg: WorkerMessage;
    try {
      msg = { index: i, result: slim(renderConfigFile(input.files[i]!, input.options, input.out, now)) };
    } catch (err) {
      msg = { index: i, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) };
    }
    input.port.postMessage(msg);
    Atomics.add(input.shared, 1, 1);
    Atomics.notify(input.shared, 1);
    if ('error' in msg) break;
  }
  input.port.close();
}


if (isRenderWorker()) setImmediate(() => void serve(workerData as WorkerInput));

/**
 * CPU accounting for the bench (Linux /proc; undefined elsewhere). Wall-clock rates on a shared virtual
 * machine move with the neighbours' load; CPU time per document does not (to first order), and the
 * hypervisor's steal time says how much of the machine the bench did not get.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** User + system CPU milliseconds process `pid` has used, all its threads together. */
export function processCpuMs(pid: number | undefined): number | undefined {
  return statCpuMs(`/proc/${pid}/stat`);
}

/** User + system CPU milliseconds from a stat(5) file: a process's, or one thread's under task/. */
function statCpuMs(file: string): number | undefined {
  try {
    const stat = readFileSync(file, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat(5); the slice starts at field 3.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** User + system CPU milliseconds of each thread of process `pid`, by thread id (the main thread's is `pid`). */
export function threadCpuMs(pid: number | undefined): Map<number, number> {
  const out = new Map<number, number>();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const ms = statCpuMs(`/proc/${pid}/task/${tid}/stat`);
      if (ms !== undefined) {
        out.set(Number(tid), ms);
      }
    }
  } catch {
    // Not Linux, or the process is gone: no per-thread figures.
  }
  return out;
}

/** A server's CPU milliseconds per document by thread. */
export interface ThreadCpu {
  readonly mainMs: number;
  readonly readerMs: number;
  /** V8's GC helper threads and libuv's pool (sqlite, TLS) together. */
  readonly otherMs: number;
}

/**
 * Each thread's CPU per document over the measured window: the main thread (its id is the pid), the
 * busiest other thread (the document reader: Node does not name its threads) and the rest together.
 */
export function threadCpuShares(
  pid: number | undefined,
  before: Map<number, number>,
  after: Map<number, number>,
  documents: number,
): ThreadCpu {
  const used = [...after].map(([tid, ms]) => ({ tid, ms: ms - (before.get(tid) ?? 0) }));
  const main = used.find((t) => t.tid === pid)?.ms ?? 0;
  const others = used.filter((t) => t.tid !== pid).sort((a, b) => b.ms - a.ms);
  const reader = others[0]?.ms ?? 0;
  const rest = others.slice(1).reduce((sum, t) => sum + t.ms, 0);
  const per = (ms: number): number => Math.round((ms / documents) * 100) / 100;
  return { mainMs: per(main), readerMs: per(reader), otherMs: per(rest) };
}

export interface MachineTicks {
  readonly steal: number;
  /** Idle and I/O wait. */
  readonly idle: number;
  readonly total: number;
}

/** The machine's CPU ticks so far, and how many of them the hypervisor gave to someone else. */
export function machineTicks(): MachineTicks | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const values = line.trim().split(/\s+/).slice(1).map(Number);
    return {
      steal: values[7] ?? 0,
      idle: (values[3] ?? 0) + (values[4] ?? 0),
      total: values.slice(0, 8).reduce((a, b) => a + b, 0),
    };
  } catch {
    return undefined;
  }
}

/** Percentage of the machine's time stolen between two readings. */
export function stealPercent(from?: MachineTicks, to?: MachineTicks): number | undefined {
  if (!from || !to || to.total <= from.total) {
    return undefined;
  }
  return Math.round(((to.steal - from.steal) / (to.total - from.total)) * 1000) / 10;
}

/**
 * Percentage of the machine's time that neither the bench nor the server used (nor the hypervisor
 * stole): other jobs on the machine. Above a few percent the run was not idle and its rates are low.
 */
export function othersPercent(
  from: MachineTicks | undefined,
  to: MachineTicks | undefined,
  ownCpuMs: number,
): number | undefined {
  if (!from || !to || to.total <= from.total) {
    return undefined;
  }
  const totalMs = ((to.total - from.total) * 1000) / TICKS_PER_SECOND;
  const busyMs =
    ((to.total - from.total - (to.idle - from.idle) - (to.steal - from.steal)) * 1000) / TICKS_PER_SECOND;
  return Math.max(0, Math.round(((busyMs - ownCpuMs) / totalMs) * 1000) / 10);
}

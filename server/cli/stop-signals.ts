/**
 * When a long-running command (`start`, `run`) must stop: on SIGINT, SIGTERM or SIGHUP, and when a process
 * that started it goes away. npm exec (npx) and `npm start` neither pass signals on nor take their child
 * with them, so `npx kanta-sim start & kill $!` would otherwise leave the server holding its ports. An
 * ancestor that is gone (or a zombie) means nobody is left to stop us: we stop ourselves.
 */
import { readFileSync } from 'node:fs';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const POLL_MS = 250;
const MAX_ANCESTORS = 32;

export type StopReason = (typeof SIGNALS)[number] | 'parent-exited';

export interface StopWatch {
  /** Resolves with the first reason to stop. */
  readonly stopped: Promise<StopReason>;
  /** Removes the listeners and the poll (after a stop, or when the caller stops for its own reasons). */
  dispose(): void;
}

/** Parent pid and state of a process from /proc (Linux); undefined where /proc has no such process. */
function procStat(pid: number): { ppid: number; state: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: the fields after it follow the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', ppid: Number(fields[1]) };
  } catch {
    return undefined;
  }
}

/** The processes above this one, nearest first, up to (not including) init. */
function ancestors(): number[] {
  const chain: number[] = [];
  let pid = process.ppid;
  while (pid > 1 && chain.length < MAX_ANCESTORS) {
    chain.push(pid);
    const stat = procStat(pid);
    if (!stat) {
      break; // no /proc (not Linux): the direct parent is watched through process.ppid alone
    }
    pid = stat.ppid;
  }
  return chain;
}

function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
  return procStat(pid)?.state === 'Z';
}

/**
 * Watches for a reason to stop. With `outliveParent` only signals count: for a server deliberately left
 * running after the shell that started it (`nohup`, a CI step that backgrounds it for later steps).
 */
export function watchForStop(options: { outliveParent?: boolean } = {}): StopWatch {
  let resolveStop: (reason: StopReason) => void = () => undefined;
  const stopped = new Promise<StopReason>((resolve) => {
    resolveStop = resolve;
  });
  const handlers = SIGNALS.map((signal) => {
    const handler = (): void => resolveStop(signal);
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  const parent = process.ppid;
  const watched = options.outliveParent ? [] : ancestors();
  const poll = watched.length
    ? setInterval(() => {
        if (process.ppid !== parent || watched.some(isGone)) {
          resolveStop('parent-exited');
        }
      }, POLL_MS)
    : undefined;
  poll?.unref();
  return {
    stopped,
    dispose: () => {
      for (const [signal, handler] of handlers) {
        process.removeListener(signal, handler);
      }
      if (poll) {
        clearInterval(poll);
      }
    },
  };
}

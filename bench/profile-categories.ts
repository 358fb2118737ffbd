/** Sums a V8 CPU profile's samples in a time window by where the time went (see profile.ts). */

export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string };
  }[];
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Categories in order of matching; the first whose test accepts a frame wins. */
const CATEGORIES: readonly [string, (fn: string, url: string) => boolean][] = [
  ['garbage collection', (fn) => fn === '(garbage collector)'],
  ['XML parsing (@xmldom/xmldom)', (_fn, url) => url.includes('/@xmldom/')],
  [
    'XML parsing (saxes and the light tree)',
    (_fn, url) => /node_modules\/(saxes|xmlchars)\/|\/server\/xml\/read-tree\./.test(url),
  ],
  ['canonicalisation (xml-crypto)', (_fn, url) => url.includes('/xml-crypto/')],
  [
    'HTTP routing (express, router, body parsing)',
    (_fn, url) =>
      /node_modules\/(express|router|body-parser|raw-body|iconv-lite|finalhandler|on-finished|type-is|qs)\//.test(
        url,
      ),
  ],
  [
    'TLS, HTTP and streams (node)',
    (_fn, url) => /^node:(_http|_tls|tls|net|https|internal\/(streams|http|tls|net|stream_base))/.test(url),
  ],
  ['worker messaging (structured clone)', (_fn, url) => /^node:internal\/worker/.test(url)],
  ['MIME and frame (server/wire)', (_fn, url) => url.includes('/server/wire/')],
  ['signature checks (server/signature)', (_fn, url) => url.includes('/server/signature/')],
  ['CDA reading and rules (server/cda, server/rules)', (_fn, url) => /\/server\/(cda|rules)\//.test(url)],
  ['XML safety and DOM helpers (server/xml)', (_fn, url) => url.includes('/server/xml/')],
  ['archive decisions (server/archive)', (_fn, url) => url.includes('/server/archive/')],
  [
    'store and SQL (server/store, better-sqlite3)',
    (_fn, url) => /\/server\/store\/|node_modules\/better-sqlite3\//.test(url),
  ],
  ['rest of server/', (_fn, url) => url.includes('/server/')],
  ['native (crypto, regexp, sqlite bindings, builtins)', (_fn, url) => url === ''],
  ['other JavaScript', () => true],
];

export interface ThreadCpu {
  /** What the thread ran: the Kanta interface ('main'), the WAL checkpoints, or documents. */
  readonly thread: string;
  readonly busyMs: number;
  readonly categories: readonly (readonly [string, number])[];
}

/** Self time per category of the samples taken between `from` and `to` (monotonic microseconds). */
export function categorise(profile: CpuProfile, from: number, to: number): ThreadCpu {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const totals = new Map<string, number>();
  let at = profile.startTime;
  let busy = 0;
  let main = false;
  let reader = false;
  for (const [i, id] of profile.samples.entries()) {
    at += profile.timeDeltas[i] ?? 0;
    const frame = byId.get(id);
    if (!frame || at < from || at > to) {
      continue;
    }
    main ||= frame.url.includes('/server/app/');
    reader ||= frame.url.includes('/server/archive/');
    if (
      frame.functionName === '(idle)' ||
      frame.functionName === '(program)' ||
      frame.functionName === '(root)'
    ) {
      continue;
    }
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const name =
      CATEGORIES.find(([, test]) => test(frame.functionName, frame.url))?.[0] ?? 'other JavaScript';
    totals.set(name, (totals.get(name) ?? 0) + ms);
    busy += ms;
  }
  return {
    thread: main ? 'main' : reader ? 'reader thread' : 'WAL checkpoint thread',
    busyMs: Math.round(busy),
    categories: [...totals.entries()].sort((a, b) => b[1] - a[1]),
  };
}

/**
 * A journal entry must not keep the message it describes alive. Values read from a message are V8
 * sliced strings of the whole message text; a journal that kept them held every message up to its cap
 * (docs/performance.md). Here each recorded exchange names ids sliced from its own 100 KB "message":
 * retaining them would grow the heap by ~100 MB, a detached journal by well under 10.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../server/control/journal.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return v8.getHeapStatistics().used_heap_size;
}

describe('the journal and the memory of the requests it records', () => {
  it('keeps no message alive through the ids it records', () => {
    const journal = new Journal(10_000);
    const before = heapAfterGc();
    for (let i = 0; i < 1000; i++) {
      const message = `${'<x/>'.repeat(25_000)}<id root="1.2.246.10.55512345.10.${i}" extension="m-${i}-0000000000"/>`;
      const at = message.indexOf('root="') + 6;
      const root = message.slice(at, message.indexOf('"', at));
      const ext = message.slice(message.indexOf('extension="') + 11, message.lastIndexOf('"'));
      journal.record({
        outcome: {
          typeCode: 'AA',
          violations: [],
          warnings: [],
          style: 'bare',
          httpStatus: 200,
          targetMessageId: { root, extension: ext },
          senderOid: root,
          interactionId: root,
          documentId: root,
        },
        startedAt: new Date(),
        durationMs: 1,
        correlationId: ext,
        tlsSubject: root,
      });
    }
    const grownMb = (heapAfterGc() - before) / 1024 / 1024;
    expect(journal.list().length).toBe(1000);
    expect(grownMb).toBeLessThan(10);
  });
});

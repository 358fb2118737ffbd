/**
 * Documents arriving while an archivist's page is open: the Kanta interface reports every exchange, the
 * feed keeps the accepted ones (AA with a document id), reads the stored row and tells each subscriber
 * whose registers include the document's register. Nothing crosses a register boundary here either.
 */
import type { ArchiveStore } from '../store/archive-store.js';
import { clientName, readArchivedDocument } from './archived-document.js';
import { titleCodesOf, type TitleCodes } from './document-title.js';

export interface LiveArrival {
  readonly documentId: string;
  readonly setId: string;
  readonly versionNumber: number;
  readonly registerOid: string;
  readonly hetu: string;
  readonly clientName: string;
  /** The codes the title is read from (server/archivist/document-title.ts), named in the reader's language. */
  readonly titleCodes: TitleCodes;
  readonly prosessivaihe?: string;
  readonly effectiveTime?: string;
  readonly archivedAt: string;
  readonly state: string;
}

/** The part of an exchange the feed reads (an ExchangeRecord's outcome). */
export interface ExchangeSummary {
  readonly outcome: { readonly typeCode: string; readonly documentId?: string };
}

type Listener = (arrival: LiveArrival) => void;

export class LiveFeed {
  private readonly subscribers = new Set<{ registers: ReadonlySet<string>; listener: Listener }>();

  constructor(
    private readonly store: ArchiveStore,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  /** Listens for arrivals in the given registers; returns the unsubscribe function. */
  subscribe(registerOids: readonly string[], listener: Listener): () => void {
    const entry = { registers: new Set(registerOids), listener };
    this.subscribers.add(entry);
    return () => this.subscribers.delete(entry);
  }

  get size(): number {
    return this.subscribers.size;
  }

  /** Feed one exchange (wire to RunningKantaSim.onExchange). Never throws. */
  exchange(record: ExchangeSummary): void {
    const id = record.outcome.documentId;
    if (record.outcome.typeCode !== 'AA' || id === undefined || this.subscribers.size === 0) {
      return;
    }
    this.store.getDocument(id).then((stored) => {
      if (!stored) {
        return;
      }
      const doc = readArchivedDocument(stored);
      const arrival: LiveArrival = {
        documentId: stored.id,
        setId: stored.setId,
        versionNumber: stored.versionNumber,
        registerOid: stored.registerOid,
        hetu: stored.hetu,
        clientName: clientName(doc.document),
        titleCodes: titleCodesOf(doc.document),
        prosessivaihe: stored.prosessivaihe,
        effectiveTime: stored.effectiveTime,
        archivedAt: stored.archivedAt,
        state: stored.state ?? stored.status,
      };
      for (const s of this.subscribers) {
        if (s.registers.has(stored.registerOid)) {
          s.listener(arrival);
        }
      }
    }, this.onError);
  }
}

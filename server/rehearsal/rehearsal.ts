/**
 * A rehearsal of the deployment test: one organisation runs one test case for one test identity. What it
 * remembers; the checklist and verdict are computed from the archive each time (evaluate.ts), so they are
 * never stale.
 */
import { KantaSimError } from '../errors.js';
import { listAt, objectAt, optionalOidAt, optionalStringAt, positiveIntAt, stringAt } from './read-input.js';

export type RehearsalStatus = 'running' | 'finished';

/** What the client system shows for one document, supplied by a CI job instead of ticked by a person. */
export interface ClientSystemDocument {
  /** The test case's document key. */
  readonly key: string;
  readonly documentId?: string;
  readonly setId?: string;
  readonly version?: number;
  readonly documentGroup?: string;
  readonly documentType?: string;
  readonly serviceTask?: string;
  readonly processPhase?: string;
  readonly registerOid?: string;
}

export interface ClientMetadata {
  readonly documents: readonly ClientSystemDocument[];
}

export interface Rehearsal {
  readonly id: string;
  readonly organisationOid: string;
  readonly caseName: string;
  /** The test identity (test client). */
  readonly hetu: string;
  readonly status: RehearsalStatus;
  readonly startedAt: string;
  readonly finishedAt?: string;
  /** Documents archived before this instant belong to earlier runs; absent = every document of the client. */
  readonly since?: string;
  /** A pass needs every document's "matches the client system" tick (the archivist's or the CI's). */
  readonly requireClientSystemCheck: boolean;
  readonly clientMetadata?: ClientMetadata;
  /** The organiser whose register "organiser" documents go to (from the onboarding record if absent). */
  readonly organiserOid?: string;
}

/** Something that happened during a rehearsal and is not in the archive itself. */
export type RehearsalEvent =
  | {
      readonly kind: 'refusal';
      readonly at: string;
      readonly senderOid?: string;
      readonly documentId?: string;
      readonly typeCode: string;
      readonly rules: readonly string[];
    }
  | {
      readonly kind: 'client-system-check';
      readonly at: string;
      readonly documentId: string;
      readonly matches: boolean;
      readonly note?: string;
      readonly by?: string;
    };

/** Reads CI-supplied client-system metadata from untrusted JSON. */
export function parseClientMetadata(raw: unknown): ClientMetadata {
  const o = objectAt(raw, 'expected metadata');
  return {
    documents: listAt(o.documents, 'documents').map((d, i) => {
      const w = `documents[${i}]`;
      const doc = objectAt(d, w);
      const fields: Record<string, unknown> = {
        documentId: optionalStringAt(doc.documentId, `${w}.documentId`),
        setId: optionalStringAt(doc.setId, `${w}.setId`),
        version: doc.version === undefined ? undefined : positiveIntAt(doc.version, `${w}.version`, 1),
        documentGroup: optionalStringAt(doc.documentGroup, `${w}.documentGroup`),
        documentType: optionalStringAt(doc.documentType, `${w}.documentType`),
        serviceTask: optionalStringAt(doc.serviceTask, `${w}.serviceTask`),
        processPhase: optionalStringAt(doc.processPhase, `${w}.processPhase`),
        registerOid: optionalOidAt(doc.registerOid, `${w}.registerOid`),
      };
      return {
        key: stringAt(doc.key, `${w}.key`),
        ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      } as ClientSystemDocument;
    }),
  };
}

/** A new rehearsal id: short, URL-safe, sortable by start. */
export function newRehearsalId(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 14);
  return `r${stamp}-${crypto.randomUUID().slice(0, 8)}`;
}

/** Throws REHEARSAL_UNKNOWN. */
export function unknownRehearsal(id: string): never {
  throw new KantaSimError('REHEARSAL_UNKNOWN', `no rehearsal ${id}`);
}

/**
 * A rehearsal of the deployment test: one organisation runs one test case for one test identity. What it
 * remembers; the checklist and verdict are computed from the archive each time (evaluate.ts), so they are
 * never stale.
 */
import { KantaSimError } from '../errors.js';
import type { ClientMetadata, ClientSystemDocument } from '../store/rehearsal-store.js';
import { listAt, objectAt, optionalOidAt, optionalStringAt, positiveIntAt, stringAt } from './read-input.js';

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

import { describe, expect, it } from 'vitest';
import { providerOf, providerOfDocument } from '../../server/archivist/provider.js';
import {
  archivedFromSpec,
  ORGANISER,
  ORGANISER_UNIT,
  planSpec,
  PROVIDER,
  PROVIDER_UNIT,
} from './support-documents.js';

const organisations = {
  get: (oid: string) =>
    oid === ORGANISER.oid ? { name: ORGANISER.name, units: [ORGANISER_UNIT] } : undefined,
};

describe('the provider of a document', () => {
  it.each([
    { who: 'the register keeper itself', sender: ORGANISER.oid, provider: undefined },
    { who: "one of the keeper's own units", sender: ORGANISER_UNIT.oid, provider: undefined },
    { who: 'another organisation', sender: PROVIDER.oid, provider: PROVIDER.oid },
    { who: 'nobody recorded', sender: '', provider: undefined },
  ])('sent by $who: $provider', ({ sender, provider }) => {
    expect(providerOf({ senderOid: sender, registerOid: ORGANISER.oid }, organisations)).toBe(provider);
  });

  it("is named by the document's own service unit when the organisation is not registered here", () => {
    const doc = archivedFromSpec(
      planSpec('1.2.246.10.12345678.95.2026.9', new Date(), undefined, PROVIDER_UNIT),
      {
        senderOid: PROVIDER.oid,
      },
    );
    expect(providerOfDocument(doc, organisations)).toEqual({ oid: PROVIDER.oid, name: PROVIDER_UNIT.name });
  });
});

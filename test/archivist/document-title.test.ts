import { describe, expect, it } from 'vitest';
import { documentTitle, titleCodesOf } from '../../server/archivist/document-title.js';
import { loadCodeLists } from '../../server/codes/code-lists.js';
import { CODE_SYSTEMS } from '../../server/codes/code-systems.js';
import { archivedFromSpec, planSpec, relationshipSpec } from './support-documents.js';

const codes = loadCodeLists();

describe('document titles', () => {
  it('names the client-relationship document, which has no type code, by its document group', () => {
    const rel = archivedFromSpec(relationshipSpec());
    expect(rel.document.code).toBeUndefined();
    expect(documentTitle(titleCodesOf(rel.document), codes)).toMatchObject({
      fi: 'Asiakkuusasiakirja',
      en: 'Client-relationship document',
    });
  });

  it('prefers the specific type, then the general type, by the code list rather than the displayName', () => {
    const plan = archivedFromSpec(
      planSpec('1.2.246.10.12345678.95.2026.2', new Date('2026-12-03T18:30:00Z')),
    );
    expect(documentTitle(titleCodesOf(plan.document), codes)?.fi).toBe(
      'Lapsiperheiden palvelujen asiakassuunnitelma',
    );
    const general = { code: '15', codeSystem: CODE_SYSTEMS.DOCUMENT_TYPE, displayName: 'suunnitelma' };
    expect(documentTitle({ generalDocumentType: general }, codes)?.fi).toBe('Suunnitelma');
  });

  it("falls back to the document's own name for a code the list lacks, and to nothing without codes", () => {
    const unknown = { code: '99999', codeSystem: CODE_SYSTEMS.DOCUMENT_TYPE, displayName: 'Oma tyyppi' };
    expect(documentTitle({ specificDocumentType: unknown }, codes)).toEqual({ fi: 'Oma tyyppi' });
    expect(documentTitle({}, codes)).toBeUndefined();
  });
});

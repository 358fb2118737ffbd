import { describe, expect, it } from 'vitest';
import { renderSignInCardsPdf } from '../../server/classroom/sign-in-cards-pdf.js';
import type { SignInCardsModel } from '../../server/classroom/view-models.js';

/** The text pdfkit drew: with compress off, each TJ array's hex strings are the WinAnsi bytes of a line. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  return [...raw.matchAll(/\[([^\]]*)\]\s*TJ/g)]
    .map((m) =>
      [...(m[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)]
        .map((h) => Buffer.from(h[1] ?? '', 'hex').toString('latin1'))
        .join(''),
    )
    .join('\n');
}

const LABELS = {
  title: 'Kirjautumiskortit',
  heading: 'Harjoittelu',
  address: 'Osoite',
  username: 'Käyttäjätunnus',
  password: 'Salasana',
};

function model(count: number): SignInCardsModel {
  return {
    lang: 'fi',
    url: 'http://127.0.0.1:8080/archivist/login',
    cards: Array.from({ length: count }, (_, i) => ({
      name: `Koulutettava ${i + 1} Ääkkönen`,
      username: `koulutettava-${i + 1}`,
      password: `salasana-${i + 1}`,
      organisationName: `Harjoituskunta ${i + 1}`,
    })),
  };
}

describe('the sign-in cards as a PDF', () => {
  it("prints each trainee's name, username, password and the address, with the labels given", async () => {
    const pdf = await renderSignInCardsPdf(model(3), LABELS, { compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const i of [1, 2, 3]) {
      expect(text).toContain(`Koulutettava ${i} Ääkkönen`);
      expect(text).toContain(`koulutettava-${i}`);
      expect(text).toContain(`salasana-${i}`);
      expect(text).toContain(`Harjoituskunta ${i}`);
    }
    expect(text).toContain('http://127.0.0.1:8080/archivist/login');
    expect(text).toContain('Käyttäjätunnus');
    expect(text).toContain('Salasana');
  });

  it('puts eight cards to a page: 20 trainees take three pages', async () => {
    const pdf = await renderSignInCardsPdf(model(20), LABELS, { compress: false });
    const pages = pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? [];
    expect(pages).toHaveLength(3);
    expect(pdfText(pdf)).toContain('koulutettava-20');
  });

  it('prints a character outside Latin-1 as "?" rather than garbage', async () => {
    const m = model(1);
    const pdf = await renderSignInCardsPdf(
      { ...m, cards: [{ ...m.cards[0]!, name: 'Łukasz Testinen' }] },
      LABELS,
      { compress: false },
    );
    expect(pdfText(pdf)).toContain('?ukasz Testinen');
  });
});

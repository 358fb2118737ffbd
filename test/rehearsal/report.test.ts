import { describe, expect, it } from 'vitest';
import type { RehearsalVerdict } from '../../server/rehearsal/rehearsal-service.js';
import { encodeHeaderWord, renderReportEml } from '../../server/rehearsal/report-eml.js';
import { renderReportHtml } from '../../server/rehearsal/report-html.js';
import { buildReportModel } from '../../server/rehearsal/report-model.js';
import { renderReportPdf } from '../../server/rehearsal/report-pdf.js';

const ORG = '1.2.246.10.12345678.10.0';

/**
 * A verdict as the service gives it for a finished rehearsal: one document passed, one missing. Test on
 * Thursday before Midsummer.
 */
const verdict: RehearsalVerdict = {
  rehearsal: {
    id: 'r20260618-abc',
    organisationOid: ORG,
    caseName: 'lapsiperheiden-palvelut',
    hetu: '010181-900C',
    status: 'finished',
    startedAt: '2026-06-18T07:15:00.000Z',
    finishedAt: '2026-06-18T07:55:00.000Z',
    finishedBy: 'Arja Ärjylä',
    finalResult: 'failed',
    requireClientSystemCheck: true,
  },
  testCase: {
    name: 'lapsiperheiden-palvelut',
    title: { fi: 'Lapsiperheiden palvelut', en: 'Families' },
    serviceTask: '24',
    role: 'organiser',
    oldData: false,
  },
  onboarding: {
    organisationOid: ORG,
    organisationName: 'Demokylän hyvinvointialue',
    registerKeeperOid: ORG,
    units: [],
    role: 'organiser',
    registerAccessRights: [],
    clientSystem: { name: 'Sosiaali360', version: '2.1.0', vendor: 'Järjestelmätalo Oy' },
    certificates: [],
    participants: [{ role: 'kanta-archivist', name: 'Arja Ärjylä' }],
    updatedAt: '2026-06-01T00:00:00Z',
    testIdentities: [],
  },
  registers: { own: ORG },
  passed: false,
  progress: {
    state: 'finished',
    outcome: 'failed',
    expected: 2,
    archived: 1,
    compared: 1,
    closedAt: '2026-06-18T07:55:00.000Z',
    closedBy: 'Arja Ärjylä',
  },
  deviations: [],
  evaluation: {
    result: 'failed',
    checklist: [
      {
        key: 'suunnitelma',
        expected: {
          key: 'suunnitelma',
          template: 'clientPlan',
          documentGroup: '5',
          documentType: '15007',
          serviceTask: '24',
          processPhase: '3',
          case: 'A',
          version: 1,
          invalidated: false,
          register: 'own',
          serviceRequest: 'SP17',
          daysBeforeTest: 0,
          registerOid: ORG,
        },
        document: {
          id: '1.2.246.10.12345678.95.2026.1.1',
          setId: '1.2.246.10.12345678.95.2026.1.1',
          versionNumber: 1,
          registerOid: ORG,
          senderOid: ORG,
          palvelutehtava: '24',
          documentType: '15007',
          documentGroup: '5',
          prosessivaihe: '3',
          caseId: '1.2.246.10.12345678.96.1',
          status: 'active',
          archivedAt: '2026-06-18T07:20:00Z',
        },
        checks: { archived: true, inExpectedRegister: true, metadataValid: true, matchesClientSystem: true },
        metadataMismatches: [],
      },
      {
        key: 'paatos',
        expected: {
          key: 'paatos',
          template: 'decision',
          documentGroup: '5',
          documentType: '14007',
          serviceTask: '24',
          processPhase: '4',
          case: 'A',
          version: 1,
          invalidated: false,
          register: 'own',
          serviceRequest: 'SP17',
          daysBeforeTest: 0,
          registerOid: ORG,
        },
        checks: { archived: false, inExpectedRegister: null, metadataValid: null, matchesClientSystem: null },
        metadataMismatches: [],
      },
    ],
    findings: [
      {
        kind: 'missing',
        key: 'paatos',
        about: { documentType: '14007', documentGroup: '5', version: 1, registerOid: ORG },
        message: 'paatos (14007 version 1): not archived',
      },
    ],
    missing: ['paatos'],
    unexpected: [],
    setupSeen: [],
    pendingClientSystemChecks: 0,
  },
  refusals: [],
  evaluatedAt: '2026-06-18T08:00:00Z',
};

const model = buildReportModel(verdict, {
  kantaAddress: 'kanta@example.invalid',
  now: new Date('2026-06-18T08:00:00Z'),
});

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

describe('the deployment-test report', () => {
  it('states the subject and the deadline two working days after the test', () => {
    expect(model.subject).toBe('SHA käyttöönottokoe Demokylän hyvinvointialue');
    expect(model.testedAt).toBe('18.6.2026 klo 10.15');
    expect(model.deadlineText).toBe('23.6.2026');
  });

  it('renders printable HTML with every document and check, escaping the names', () => {
    const html = renderReportHtml({
      ...model,
      organisation: { ...model.organisation, name: '<b>Kunta</b>' },
    });
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('&lt;b>Kunta&lt;/b>');
    expect(html).not.toContain('<b>Kunta');
    expect(html).toContain('1.2.246.10.12345678.95.2026.1.1');
    expect(html).toContain('Sosiaali360 2.1.0 (Järjestelmätalo Oy)');
    expect(html).toContain('<html lang="fi">');
    expect(html).toContain(
      'paatos (14007, versio 1): ei arkistoitu (odotettiin rekisteriin Demokylän hyvinvointialue)',
    );
    expect(html).toContain('Poikkeamia');
    expect(html).not.toContain('(failed)');
    expect(html).not.toContain('<script');
  });

  it('gives the kept verdict of a finished rehearsal', () => {
    expect(model.result).toBe('failed');
    expect(model.state).toBe('finished');
    expect(model.resultText).toContain('Poikkeamia');
    expect(model.resultText).toContain('koe päätetty 18.6.2026 klo 10.55, Arja Ärjylä');
  });

  it('gives no verdict while the rehearsal waits for documents, and lists nothing awaited as a deviation', () => {
    const waiting = buildReportModel(
      {
        ...verdict,
        rehearsal: { ...verdict.rehearsal, status: 'running', finishedAt: undefined, finalResult: undefined },
        progress: { state: 'waiting', expected: 2, archived: 0, compared: 0 },
        evaluation: {
          ...verdict.evaluation,
          checklist: verdict.evaluation.checklist.map((i) => ({
            key: i.key,
            expected: i.expected,
            checks: {
              archived: false,
              inExpectedRegister: null,
              metadataValid: null,
              matchesClientSystem: null,
            },
            metadataMismatches: [],
          })),
          findings: [
            { kind: 'missing', key: 'suunnitelma', message: 'suunnitelma (15007 version 1): not archived' },
            ...verdict.evaluation.findings,
          ],
        },
      },
      { kantaAddress: 'kanta@example.invalid', now: new Date('2026-06-18T08:00:00Z') },
    );
    expect(waiting.result).toBe('pending');
    expect(waiting.state).toBe('waiting');
    expect(waiting.resultText).toBe('Ei tulosta vielä: odotetaan asiakirjoja');
    expect(waiting.deviations).toEqual([]);
    const html = renderReportHtml(waiting);
    expect(html).not.toContain('Poikkeamia');
    expect(html).not.toContain('result-failed"');
    expect(html).toContain('Ei tulosta vielä: odotetaan asiakirjoja');
  });

  it('draws a PDF whose text carries ä and ö', async () => {
    const pdf = await renderReportPdf(model, { compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('SHA käyttöönottokoe');
    expect(text).toContain('Demokylän hyvinvointialue');
    expect(text).toContain('Arja Ärjylä');
    expect(text).toContain('1.2.246.10.12345678.95.2026.1.1');
    expect(text).toContain('23.6.2026');
  });

  it('writes an RFC 5322 draft with an RFC 2047 subject and the PDF attached', async () => {
    const pdf = await renderReportPdf(model);
    const eml = renderReportEml(model, { pdf, now: new Date('2026-06-18T08:00:00Z') });
    expect(eml).toMatch(/^To: kanta@example\.invalid\r\n/);
    const subject = /\r\nSubject: (.*(?:\r\n .*)*)\r\n/.exec(eml)?.[1] ?? '';
    const decoded = [...subject.matchAll(/=\?UTF-8\?B\?([^?]*)\?=/g)]
      .map((m) => Buffer.from(m[1] ?? '', 'base64').toString('utf8'))
      .join('');
    expect(decoded).toBe('SHA käyttöönottokoe Demokylän hyvinvointialue');
    expect(eml).toContain('Content-Type: application/pdf');
    const body = /Content-Transfer-Encoding: base64\r\n\r\n([A-Za-z0-9+/=\r\n]*?)\r\n--/.exec(eml)?.[1] ?? '';
    expect(Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8')).toContain(
      'Raportti Kelalle viimeistään: 23.6.2026',
    );
    expect(eml.split('\r\n').every((l) => l.length <= 998)).toBe(true);
  });

  it('keeps every encoded word within 75 characters', () => {
    const long = encodeHeaderWord(`SHA käyttöönottokoe ${'Pohjois-Pohjanmaan hyvinvointialue '.repeat(3)}`);
    expect(long.split('\r\n ').every((w) => w.length <= 75)).toBe(true);
    expect(encodeHeaderWord('plain')).toBe('plain');
  });

  it('is written in the language asked for: Swedish and English, every label and finding', async () => {
    const sv = buildReportModel(verdict, {
      kantaAddress: 'kanta@example.invalid',
      now: new Date(),
      lang: 'sv',
    });
    expect(sv.subject).toBe('SHA ibruktagningsprov Demokylän hyvinvointialue');
    expect(sv.testedAt).toBe('18.6.2026 kl. 10.15');
    // The verdict, then who finished the rehearsal and when, in Swedish.
    expect(sv.resultText).toMatch(/^Avvikelser – provet avslutat \d+\.\d+\.\d{4} kl\. \d\d\.\d\d/);
    const html = renderReportHtml(sv);
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('Motsvarar klientdatasystemet');
    expect(html).toContain(
      'paatos (14007, version 1): inte arkiverat (väntades i registret Demokylän hyvinvointialue)',
    );
    expect(html).not.toMatch(/Poikkeamat|Asiakirjat|not archived/);
    const text = pdfText(await renderReportPdf(sv, { compress: false }));
    expect(text).toContain('Avvikelser');
    expect(text).not.toContain('Poikkeamat');
    const en = buildReportModel(verdict, {
      kantaAddress: 'kanta@example.invalid',
      now: new Date(),
      lang: 'en',
    });
    const eml = renderReportEml(en, { now: new Date('2026-06-18T08:00:00Z') });
    const body = Buffer.from(eml.split('\r\n\r\n')[1]?.replace(/\r\n/g, '') ?? '', 'base64').toString('utf8');
    expect(body).toContain('has carried out the SHA deployment test');
    expect(body).toContain('Deviations:');
    expect(body).not.toMatch(/Hei|Poikkeamat/);
  });
});

import { describe, expect, it } from 'vitest';
import { parseSignedContent } from '../../server/cda/parse-cda.js';
import { RULES } from '../../server/rules/catalogue.js';
import { bodyXml, KANTA_SAMPLES, SAMPLE, sampleBodyXml } from '../support/kanta-samples.js';
import { ownDocuments, OWN_CLIENT } from '../support/own-documents.js';

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const body = (inner: string): string =>
  `<nonXMLBody xmlns="urn:hl7-org:v3" ID="OID1.2.3">${inner}</nonXMLBody>`;
const text = (content: string, attrs = 'mediaType="application/xhtml+xml" representation="B64"'): string =>
  `<text ${attrs}>${content}</text>`;
const json = (content: string): string => `<hl7fi:json xmlns:hl7fi="urn:hl7finland">${content}</hl7fi:json>`;
const XHTML = '<div xmlns="http://www.w3.org/1999/xhtml"><p>Hei ä</p></div>';

describe('parseSignedContent on the own bodies', () => {
  it('decodes the client plan', () => {
    const r = parseSignedContent(bodyXml(ownDocuments().plan));
    expect(r.violations).toEqual([]);
    expect(r.content.xhtml).toContain('class="soc-document"');
    expect(r.content.json).toHaveProperty(
      'lapsiperheiden_palvelujen_asiakassuunnitelma.asiakas.0.henkilotunnus.value',
      OWN_CLIENT.hetu,
    );
  });

  it('decodes the client-relationship document', () => {
    const r = parseSignedContent(bodyXml(ownDocuments().relationship));
    expect(r.violations).toEqual([]);
    expect(r.content.json).toHaveProperty(
      'asiakkuusasiakirja.sosiaalihuollon_palvelutehtava.0.palvelutehtava.code',
      '24',
    );
  });
});

describe.skipIf(!KANTA_SAMPLES.available)('parseSignedContent on the real bodies', () => {
  it.each([SAMPLE.planSigned, SAMPLE.planPublished])('decodes the client plan (%s)', (name) => {
    const r = parseSignedContent(sampleBodyXml(name));
    expect(r.violations).toEqual([]);
    expect(r.content.xhtml).toContain('class="soc-document"');
    expect(r.content.json).toHaveProperty(
      'lapsiperheiden_palvelujen_asiakassuunnitelma.asiakas.0.henkilotunnus.value',
      '180418A903L',
    );
  });

  it.each([SAMPLE.relationshipSigned, SAMPLE.relationshipPublished])(
    'decodes the client-relationship document (%s)',
    (name) => {
      const r = parseSignedContent(sampleBodyXml(name));
      expect(r.violations).toEqual([]);
      expect(r.content.json).toHaveProperty(
        'asiakkuusasiakirja.sosiaalihuollon_palvelutehtava.0.palvelutehtava.code',
        '24',
      );
    },
  );
});

describe('parseSignedContent', () => {
  it('decodes a valid body (UTF-8 XHTML and JSON, line-wrapped Base64)', () => {
    const wrapped = b64(XHTML).replace(/(.{10})/g, '$1\n');
    const r = parseSignedContent(body(text(wrapped) + json(b64('{"a":"ö"}'))));
    expect(r).toEqual({ content: { xhtml: XHTML, json: { a: 'ö' } }, violations: [] });
  });

  it('accepts a body without the structured form', () => {
    const r = parseSignedContent(body(text(b64(XHTML))));
    expect(r.violations).toEqual([]);
    expect(r.content.json).toBeUndefined();
  });

  it.each([
    {
      name: 'XHTML that is not well-formed',
      xml: body(text(b64('<div><p></div>'))),
      rule: RULES.CDA_DISPLAY_FORM_INVALID,
    },
    {
      name: 'XHTML with a DOCTYPE',
      xml: body(text(b64('<!DOCTYPE html><div/>'))),
      rule: RULES.CDA_DISPLAY_FORM_INVALID,
    },
    {
      name: 'display form not in Base64',
      xml: body(text('not*base64')),
      rule: RULES.CDA_DISPLAY_FORM_INVALID,
    },
    {
      name: 'display form not UTF-8',
      xml: body(text(Buffer.from([0x3c, 0x61, 0xff, 0x3e]).toString('base64'))),
      rule: RULES.CDA_DISPLAY_FORM_INVALID,
    },
    {
      name: 'a non-B64 representation',
      xml: body(text(XHTML, 'mediaType="application/xhtml+xml" representation="TXT"')),
      rule: RULES.CDA_DISPLAY_FORM_INVALID,
    },
    {
      name: 'another media type',
      xml: body(text(b64('%PDF'), 'mediaType="application/pdf" representation="B64"')),
      rule: RULES.CDA_DISPLAY_FORM_INVALID,
    },
    {
      name: 'JSON that does not parse',
      xml: body(text(b64(XHTML)) + json(b64('{"a":'))),
      rule: RULES.CDA_STRUCTURED_FORM_INVALID,
    },
    {
      name: 'JSON not in Base64',
      xml: body(text(b64(XHTML)) + json('{"a":1}')),
      rule: RULES.CDA_STRUCTURED_FORM_INVALID,
    },
    { name: 'no display form', xml: body(json(b64('{}'))), rule: RULES.CDA_BODY_INVALID },
    {
      name: 'a root that is not nonXMLBody',
      xml: '<structuredBody xmlns="urn:hl7-org:v3"/>',
      rule: RULES.CDA_BODY_INVALID,
    },
    { name: 'malformed XML', xml: '<nonXMLBody', rule: RULES.CDA_BODY_INVALID },
  ])('refuses $name', ({ xml, rule }) => {
    const r = parseSignedContent(xml);
    expect(r.violations.map((v) => v.rule)).toEqual([rule]);
  });
});

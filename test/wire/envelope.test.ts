import { describe, expect, it } from 'vitest';
import { RULES } from '../../server/rules/catalogue.js';
import { openEnvelope, wrapInSoap } from '../../server/wire/envelope.js';
import { childElement, NS, textOf } from '../../server/xml/dom.js';
import { dom } from '../support/kanta-samples.js';

const MSG = `<RCMR_IN200002FI01 xmlns="${NS.HL7}"><id root="1.2.3"/></RCMR_IN200002FI01>`;
const soap11 = (inner: string, header = ''): string =>
  `<s:Envelope xmlns:s="${NS.SOAP11}">${header}<s:Body>${inner}</s:Body></s:Envelope>`;
const soap12 = (inner: string, header = ''): string =>
  `<s:Envelope xmlns:s="${NS.SOAP12}">${header}<s:Body>${inner}</s:Body></s:Envelope>`;

describe('openEnvelope', () => {
  it.each([
    { name: 'bare', xml: MSG, style: 'bare' },
    { name: 'SOAP 1.1', xml: soap11(MSG), style: 'soap11' },
    { name: 'SOAP 1.2', xml: soap12(MSG), style: 'soap12' },
    { name: 'SOAP 1.1 with an empty Header', xml: soap11(MSG, '<s:Header/>'), style: 'soap11' },
    {
      name: 'SOAP 1.2 with a header block not marked mustUnderstand',
      xml: soap12(MSG, `<s:Header><x:Trace xmlns:x="urn:x" s:mustUnderstand="false"/></s:Header>`),
      style: 'soap12',
    },
  ])('accepts $name', ({ xml, style }) => {
    const r = openEnvelope(dom(xml));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.style).toBe(style);
      expect(r.message.localName).toBe('RCMR_IN200002FI01');
    }
  });

  it.each([
    { name: 'an envelope without Body', xml: `<s:Envelope xmlns:s="${NS.SOAP11}"><s:Header/></s:Envelope>` },
    {
      name: 'two Bodies',
      xml: `<s:Envelope xmlns:s="${NS.SOAP11}"><s:Body>${MSG}</s:Body><s:Body>${MSG}</s:Body></s:Envelope>`,
    },
    { name: 'two messages in the Body', xml: soap11(MSG + MSG) },
    { name: 'an empty Body', xml: soap12('') },
    { name: 'a non-HL7 payload', xml: soap11('<x xmlns="urn:other"/>') },
    {
      name: 'a SOAP 1.1 mustUnderstand="1" header',
      xml: soap11(MSG, `<s:Header><w:Security xmlns:w="urn:w" s:mustUnderstand="1"/></s:Header>`),
    },
    {
      name: 'a SOAP 1.2 mustUnderstand="true" header',
      xml: soap12(MSG, `<s:Header><w:Security xmlns:w="urn:w" s:mustUnderstand="true"/></s:Header>`),
    },
    {
      name: 'a Header after the Body',
      xml: `<s:Envelope xmlns:s="${NS.SOAP11}"><s:Body>${MSG}</s:Body><s:Header/></s:Envelope>`,
    },
    { name: 'a root that is neither HL7 nor SOAP', xml: '<Envelope xmlns="urn:not-soap"/>' },
    { name: 'a root without namespace', xml: '<RCMR_IN200002FI01/>' },
  ])('refuses $name with WIRE_SOAP_INVALID', ({ xml }) => {
    const r = openEnvelope(dom(xml));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.violation.rule).toBe(RULES.WIRE_SOAP_INVALID);
      expect(r.violation.detail).toBeTruthy();
    }
  });
});

describe('wrapInSoap', () => {
  it.each(['bare', 'soap11', 'soap12'] as const)(
    'wraps so that openEnvelope finds the message again (%s)',
    (style) => {
      const wrapped = wrapInSoap(`<?xml version="1.0" encoding="UTF-8"?>\n${MSG}`, style);
      expect(wrapped.match(/<\?xml/g)).toHaveLength(1);
      const r = openEnvelope(dom(wrapped));
      expect(r.ok && r.style).toBe(style);
    },
  );

  it('keeps multi-line text content byte for byte', () => {
    const inner = `<M xmlns="${NS.HL7}"><text>line 1\n line 2</text></M>`;
    const r = openEnvelope(dom(wrapInSoap(inner, 'soap12')));
    expect(r.ok && textOf(childElement(r.message, NS.HL7, 'text'))).toBe('line 1\n line 2');
  });
});

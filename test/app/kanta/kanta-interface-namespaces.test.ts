/**
 * Namespaces in XML over mutual TLS: a frame or a CDA document that is well-formed XML but not
 * namespace-well-formed is refused with WIRE_XML_NAMESPACE_INVALID, and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../../server/rules/catalogue.js';
import { buildMessage, replaceOnce } from '../../support/message-builder.js';
import { expectArchived, expectRefused } from '../../support/refusals.js';
import { startKantaSim, type KantaSimInstance } from '../../support/sim.js';

let sim: KantaSimInstance;
beforeAll(async () => {
  sim = await startKantaSim();
});
afterAll(async () => {
  await sim.stop();
});

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Each row adds `attributes` to the root start tag and `child` as its first child. */
const CASES: readonly { name: string; attributes?: string; child?: string; detail: string }[] = [
  {
    name: 'the prefix xml rebound',
    attributes: ' xmlns:xml="urn:not-xml"',
    detail: 'prefix xml may only be bound',
  },
  {
    name: 'the prefix xmlns declared',
    attributes: ' xmlns:xmlns="urn:x"',
    detail: 'prefix xmlns is reserved',
  },
  { name: 'another prefix bound to the xml namespace', attributes: ` xmlns:x="${XML_NS}"`, detail: XML_NS },
  {
    name: 'a prefix bound to the xmlns namespace',
    attributes: ' xmlns:x="http://www.w3.org/2000/xmlns/"',
    detail: 'reserved namespace',
  },
  { name: 'an unbound element prefix', child: '<nope:x/>', detail: 'nope:x is not bound' },
  { name: 'an unbound attribute prefix', child: '<x nope:a="1"/>', detail: 'nope:a is not bound' },
  { name: 'a prefix undeclared (xmlns:p="")', child: '<x xmlns:p=""/>', detail: 'xmlns:p="" undeclares' },
  {
    name: 'the same attribute twice after namespace expansion',
    child: '<x xmlns:p="urn:same" xmlns:q="urn:same" p:a="1" q:a="2"/>',
    detail: '{urn:same}a appears twice',
  },
];

function rootStart(xml: string, name: string): RegExp {
  const at = xml.indexOf(`<${name}`);
  expect(at).toBeGreaterThanOrEqual(0);
  return new RegExp(`(<${name}\\b[^>]*)>`);
}

function changeRoot(xml: string, name: string, attributes = '', child = ''): string {
  return xml.replace(rootStart(xml, name), (_m, open: string) => `${open}${attributes}>${child}`);
}

describe('namespace well-formedness over mutual TLS', () => {
  it('still archives a frame and a CDA that bind the prefix xml to its own namespace', async () => {
    const m = buildMessage(sim.demo, {
      kind: 'clientRelationship',
      frameXml: (x) => changeRoot(x, 'RCMR_IN200002FI01', ` xmlns:xml="${XML_NS}"`),
    });
    await expectArchived(sim, m.messageXml);
  });

  it.each(CASES)('refuses a frame with $name (WIRE_XML_NAMESPACE_INVALID)', async (c) => {
    const m = buildMessage(sim.demo, {
      kind: 'clientRelationship',
      frameXml: (x) => changeRoot(x, 'RCMR_IN200002FI01', c.attributes, c.child),
    });
    const result = await expectRefused(sim, m.messageXml, RULES.WIRE_XML_NAMESPACE_INVALID);
    expect(result.body).toContain(c.detail.replace(/"/g, '&quot;'));
  });

  it.each(CASES)('refuses a CDA document with $name (WIRE_XML_NAMESPACE_INVALID)', async (c) => {
    const m = buildMessage(sim.demo, {
      kind: 'clientRelationship',
      cda: (cda) => changeRoot(cda, 'ClinicalDocument', c.attributes, c.child),
    });
    const result = await expectRefused(sim, m.messageXml, RULES.WIRE_XML_NAMESPACE_INVALID);
    expect(result.ack.details.find((d) => d.code === RULES.WIRE_XML_NAMESPACE_INVALID.code)?.location).toBe(
      '/ClinicalDocument',
    );
  });

  it('names the rule once, not as malformed XML', async () => {
    const m = buildMessage(sim.demo, {
      kind: 'clientRelationship',
      frameXml: (x) => replaceOnce(x, '<RCMR_IN200002FI01 ', '<RCMR_IN200002FI01 xmlns:xmlns="urn:x" '),
    });
    const result = await expectRefused(sim, m.messageXml, RULES.WIRE_XML_NAMESPACE_INVALID);
    expect(result.body).not.toContain(RULES.WIRE_XML_MALFORMED.code);
  });
});

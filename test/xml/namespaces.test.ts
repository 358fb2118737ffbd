/**
 * Namespaces in XML: both parsers (parseDom, xmldom; parseTree, the archive's light tree) refuse what a
 * namespace-aware parser refuses, flagged as a namespace problem, and still read what is
 * namespace-well-formed.
 */
import { describe, expect, it } from 'vitest';
import { parseDom } from '../../server/xml/dom.js';
import { parseTree } from '../../server/xml/read-tree.js';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

describe.each([
  ['parseDom', parseDom],
  ['parseTree', parseTree],
] as const)('%s and Namespaces in XML', (_name, parse) => {
  it.each([
    { name: 'the xml prefix bound to its namespace', xml: `<r xmlns:xml="${XML_NS}" xml:lang="fi"/>` },
    { name: 'a prefix redeclared lower down', xml: '<p:r xmlns:p="urn:a"><p:s xmlns:p="urn:b"/></p:r>' },
    { name: 'the default namespace undeclared', xml: '<r xmlns="urn:a"><s xmlns=""/></r>' },
    {
      name: 'one local name in two namespaces',
      xml: '<r xmlns:p="urn:a" xmlns:q="urn:b" p:a="1" q:a="2" a="3"/>',
    },
    {
      name: 'tag-like text in comments, CDATA and PIs',
      xml: '<r><!-- <p:x/> --><![CDATA[<q:y>]]><?pi <z:z/>?></r>',
    },
    { name: 'a ">" inside an attribute value', xml: '<r xmlns:p="urn:a" v="a>b" p:w="1"/>' },
  ])('reads $name', ({ xml }) => {
    expect(parse(xml).ok).toBe(true);
  });

  it.each([
    { name: 'xml rebound', xml: '<r xmlns:xml="urn:x"/>', detail: 'prefix xml may only be bound' },
    {
      name: 'xmlns declared first',
      xml: '<r xmlns:xmlns="urn:x" a="1"/>',
      detail: 'prefix xmlns is reserved',
    },
    {
      name: 'a prefix bound to the xml namespace',
      xml: `<r xmlns:x="${XML_NS}"/>`,
      detail: 'prefix x must not be bound',
    },
    {
      name: 'the default namespace bound to xmlns',
      xml: '<r xmlns="http://www.w3.org/2000/xmlns/"/>',
      detail: 'the default namespace must not',
    },
    { name: 'an unbound element prefix', xml: '<r><p:s/></r>', detail: 'p:s is not bound' },
    {
      name: 'a prefix bound only on a sibling',
      xml: '<r><s xmlns:p="urn:a"/><p:t/></r>',
      detail: 'p:t is not bound',
    },
    { name: 'an unbound attribute prefix', xml: '<r p:a="1"/>', detail: 'p:a is not bound' },
    {
      name: 'a prefix undeclared',
      xml: '<r xmlns:p="urn:a"><s xmlns:p=""/></r>',
      detail: 'xmlns:p="" undeclares',
    },
    {
      name: 'an expanded attribute name twice',
      xml: '<r xmlns:p="urn:a" xmlns:q="urn:a" p:a="1" q:a="2"/>',
      detail: '{urn:a}a appears twice',
    },
    {
      name: 'an expanded name twice via references',
      xml: '<r xmlns:p="urn:&#97;" xmlns:q="urn:a" p:a="1" q:a="2"/>',
      detail: 'appears twice',
    },
    {
      name: 'a namespace name with leading white space',
      xml: '<r xmlns=" urn:hl7-org:v3"/>',
      detail: 'begins or ends with white space',
    },
    {
      name: 'a prefix bound to a name with trailing white space',
      xml: '<p:r xmlns:p="urn:a&#10;"/>',
      detail: 'begins or ends with white space',
    },
    { name: 'a prefix bound to white space only', xml: '<r xmlns:p="  "/>', detail: 'white space' },
    // Not XML white space, but trimmed by saxes (String.prototype.trim) and kept by xmldom and libxml2.
    { name: 'a name ending in a no-break space', xml: '<p:r xmlns:p="urn:a\u00a0"/>', detail: 'white space' },
    { name: 'a name ending in LINE SEPARATOR', xml: '<r xmlns="urn:a\u2028"/>', detail: 'white space' },
    {
      name: 'a name starting with an ideographic space',
      xml: '<r xmlns="\u3000urn:a"/>',
      detail: 'white space',
    },
  ])('refuses $name', ({ xml, detail }) => {
    const r = parse(xml);
    expect(r.ok ? 'read' : r.namespace).toBe(true);
    expect(r.ok ? '' : r.message).toContain(detail);
  });

  it('survives unbalanced end tags and cut-off markup without throwing', () => {
    for (const xml of ['</a></b><c p:x="1"/>', '<r><!-- never closed', '<r><![CDATA[ x', '<r a="1', '<?pi']) {
      expect(parse(xml).ok).toBe(false);
    }
  });

  it('does not flag plain malformed XML as a namespace problem', () => {
    const r = parse('<r><s></r>');
    expect(r.ok ? 'read' : r.namespace).toBeFalsy();
  });
});

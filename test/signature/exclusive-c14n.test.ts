/**
 * exclusiveCanonicalize against the specification's own examples and the cases xml-crypto's canonicalizer
 * got wrong (test/signature/c14n-differential.test.ts checks the same against xmlsec1 at scale).
 */
import type { Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { exclusiveCanonicalize } from '../../server/signature/exclusive-c14n.js';
import { parseDom } from '../../server/xml/dom.js';

function apex(xml: string, localName: string): Element {
  const parsed = parseDom(xml);
  if (!parsed.ok) {
    throw new Error(parsed.message);
  }
  const found = parsed.doc.getElementsByTagNameNS('*', localName).item(0);
  if (!found) {
    throw new Error(`no ${localName}`);
  }
  return found as unknown as Element;
}

describe('exclusiveCanonicalize', () => {
  it.each([
    {
      name: 'the exc-c14n specification example (section 2.2)',
      xml: '<n0:local xmlns:n0="foo:bar" xmlns:n3="ftp://example.org"><n1:elem2 xmlns:n1="http://example.net" xml:lang="en"><n3:stuff xmlns:n3="ftp://example.org"/></n1:elem2></n0:local>',
      apex: 'elem2',
      c14n: '<n1:elem2 xmlns:n1="http://example.net" xml:lang="en"><n3:stuff xmlns:n3="ftp://example.org"></n3:stuff></n1:elem2>',
    },
    {
      name: 'processing instructions with and without data',
      xml: '<r><?a  data ?><?b?></r>',
      apex: 'r',
      c14n: '<r><?a data ?><?b?></r>',
    },
    {
      name: 'an empty CDATA section',
      xml: '<r><![CDATA[]]>x<![CDATA[<&>]]></r>',
      apex: 'r',
      c14n: '<r>x&lt;&amp;&gt;</r>',
    },
    { name: 'comments left out', xml: '<r><!-- c -->t</r>', apex: 'r', c14n: '<r>t</r>' },
    {
      name: 'prefixes in code-point order (upper case first)',
      xml: '<r xmlns:a="urn:1" xmlns:B="urn:2" a:x="1" B:x="2"/>',
      apex: 'r',
      c14n: '<r xmlns:B="urn:2" xmlns:a="urn:1" a:x="1" B:x="2"></r>',
    },
    {
      name: 'attributes by namespace URI, then local name',
      xml: '<r xmlns:b="urn:x" xmlns:c="urn:xa" c:a="1" b:z="2" m="3"/>',
      apex: 'r',
      c14n: '<r xmlns:b="urn:x" xmlns:c="urn:xa" m="3" b:z="2" c:a="1"></r>',
    },
    {
      name: 'the default namespace undeclared only where an output ancestor declared one',
      xml: '<w xmlns="urn:d"><r><s xmlns=""><t/></s></r></w>',
      apex: 'r',
      c14n: '<r xmlns="urn:d"><s xmlns=""><t></t></s></r>',
    },
    {
      name: 'character escapes in text and attributes',
      xml: '<r a="&#9;&#10;&#13;&lt;&quot;&gt;">&#13;&gt;&amp;"</r>',
      apex: 'r',
      c14n: '<r a="&#x9;&#xA;&#xD;&lt;&quot;>">&#xD;&gt;&amp;"</r>',
    },
  ])('canonicalizes $name', ({ xml, apex: name, c14n }) => {
    expect(exclusiveCanonicalize(apex(xml, name))).toBe(c14n);
  });

  it('leaves out the omitted node (the enveloped-signature transform) and does not change the tree', () => {
    const root = apex('<r><a/><sig><x/></sig><b/></r>', 'r');
    const inner = root.getElementsByTagName('sig').item(0) ?? undefined;
    expect(exclusiveCanonicalize(root, inner)).toBe('<r><a></a><b></b></r>');
    expect(exclusiveCanonicalize(root)).toBe('<r><a></a><sig><x></x></sig><b></b></r>');
  });
});

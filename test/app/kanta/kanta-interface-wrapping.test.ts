/**
 * XML signature wrapping through the server: every variant keeps a cryptographically valid signature
 * somewhere in the document, and each is refused with its rule before anything is stored.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { RULES } from '../../../server/rules/catalogue.js';
import type { RuleDefinition } from '../../../server/rules/rule.js';
import { NS, descendants } from '../../../server/xml/dom.js';
import { buildMessage, type MessageChange, type Parties } from '../../support/message-builder.js';
import { expectArchived, expectRefused } from '../../support/refusals.js';
import { startKantaSim, type KantaSimInstance } from '../../support/sim.js';
import {
  containerXml,
  containerXpath,
  insertIntoHeader,
  mutate,
  signCustom,
  attackerBody,
  bodyOf,
  headerOf,
} from '../../signature/support/documents.js';

let sim: KantaSimInstance;
beforeAll(async () => {
  sim = await startKantaSim();
});
afterAll(async () => {
  await sim.stop();
});

const movedBody = (copyId: boolean) => (cda: string) =>
  mutate(cda, (doc) => {
    const original = bodyOf(doc);
    const stash = doc.createElementNS(NS.HL7FI, 'hl7fi:extension');
    headerOf(doc).appendChild(stash);
    original.parentNode?.replaceChild(
      attackerBody(doc, copyId ? (original.getAttribute('ID') ?? '') : undefined),
      original,
    );
    stash.appendChild(original);
  });

/** Signs with the organiser's system key, referencing the body, the own timestamp and `extraXpath`. */
function referencingAnotherElement(parties: Parties, extraXpath: string): MessageChange {
  const stamp = new Date().toISOString();
  return {
    system: null,
    professionals: null,
    cda: (cda) => {
      const docId = /<id root="([^"]+)"/.exec(cda)?.[1] ?? '';
      const withContainer = insertIntoHeader(
        cda,
        containerXml({ id: 'sig_x', code: '3', timestampId: 'CDA-timestamp.sig_x', timestamp: stamp }),
      );
      return signCustom(withContainer, {
        keyPem: parties.organiser.signingKeyPem,
        certPem: parties.organiser.signingCertPem,
        references: [
          { xpath: `//*[@ID='OID${docId}']` },
          { xpath: "//*[@ID='CDA-timestamp.sig_x']" },
          { xpath: extraXpath },
        ],
        locationXpath: containerXpath('sig_x'),
      });
    },
  };
}

interface Row {
  readonly name: string;
  readonly change: () => MessageChange;
  readonly rule: RuleDefinition;
}

const ROWS: readonly Row[] = [
  {
    name: 'the signed body moved into the header and replaced by an unsigned one',
    change: () => ({ cda: movedBody(false) }),
    rule: RULES.SIG_BODY_ID_INVALID,
  },
  {
    name: 'the signed body moved and replaced by one carrying the same ID',
    change: () => ({ cda: movedBody(true) }),
    rule: RULES.SIG_BODY_ID_INVALID,
  },
  {
    name: 'a second element carrying the body ID (duplicate IDs)',
    change: () => ({
      cda: (cda) =>
        mutate(cda, (doc) => {
          const twin = doc.createElementNS(NS.HL7FI, 'hl7fi:note');
          twin.setAttribute('ID', bodyOf(doc).getAttribute('ID') ?? '');
          headerOf(doc).appendChild(twin);
        }),
    }),
    rule: RULES.SIG_BODY_ID_INVALID,
  },
  {
    name: 'an extra copy of a ds:Signature next to the body',
    change: () => ({
      cda: (cda) =>
        mutate(cda, (doc) => {
          const copy = descendants(doc, NS.DSIG, 'Signature')[0]?.cloneNode(true);
          if (copy) {
            bodyOf(doc).parentNode?.appendChild(copy);
          }
        }),
    }),
    rule: RULES.SIG_PLACEMENT,
  },
  {
    name: "a KeyInfo certificate swapped for another organisation's",
    change: () => ({
      cda: (cda) => {
        const b64 = sim.demo.provider.signingCertPem.replace(/-----[A-Z ]+-----|\s/g, '');
        const last = cda.lastIndexOf('<X509Certificate>');
        const end = cda.indexOf('</X509Certificate>', last);
        return `${cda.slice(0, last)}<X509Certificate>${b64}${cda.slice(end)}`;
      },
    }),
    rule: RULES.SIG_VALUE_INVALID,
  },
  {
    name: 'a signature that also references another element (the client)',
    change: () => referencingAnotherElement(sim.demo, "//*[local-name()='recordTarget']"),
    rule: RULES.SIG_REFERENCE_INVALID,
  },
];

describe('signature wrapping through the server', () => {
  it('the untouched signed message is archived (the twin of every row)', async () => {
    await expectArchived(sim, buildMessage(sim.demo).messageXml);
  });

  it.each(ROWS)('refuses $name ($rule.code)', async ({ change, rule }) => {
    await expectRefused(sim, buildMessage(sim.demo, change()).messageXml, rule);
  });
});

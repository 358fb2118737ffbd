/**
 * The document's rules through the server (metadata, test identities, register boundaries): each row
 * changes one thing in an otherwise valid, correctly signed message.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { RULES } from '../../../server/rules/catalogue.js';
import type { RuleDefinition } from '../../../server/rules/rule.js';
import { buildMessage, replaceOnce, type MessageChange } from '../../support/message-builder.js';
import { expectArchived, expectRefused } from '../../support/refusals.js';
import { startKantaSim, type KantaSimInstance } from '../../support/sim.js';

let sim: KantaSimInstance;
beforeAll(async () => {
  sim = await startKantaSim();
});
afterAll(async () => {
  await sim.stop();
});

/** A valid hetu outside the test range (individual number 308): real people must never reach the test archive. */
const REAL_PERSON_HETU = '131052-308T';
const FUNCTION_CODE = /(<hl7fi:functionCode code="24"[^>]*codeSystem=")[^"]*"/;

interface Row {
  readonly name: string;
  readonly change: () => MessageChange;
  readonly rule: RuleDefinition;
}

const ROWS: readonly Row[] = [
  {
    name: 'a hetu with a wrong check character',
    change: () => ({ spec: (s) => ({ ...s, client: { ...s.client, hetu: '150615A9160' } }) }),
    rule: RULES.CDA_HETU_INVALID,
  },
  {
    name: 'a valid hetu that is not a test identity (guardrail)',
    change: () => ({ spec: (s) => ({ ...s, client: { ...s.client, hetu: REAL_PERSON_HETU } }) }),
    rule: RULES.CDA_HETU_NOT_TEST_IDENTITY,
  },
  {
    name: 'a service task code not in its code list',
    change: () => ({ spec: (s) => ({ ...s, palvelutehtava: { code: '99', displayName: 'Tuntematon' } }) }),
    rule: RULES.CDA_CODE_UNKNOWN,
  },
  {
    name: 'a service task in the wrong code system',
    change: () => ({ cda: (x) => replaceOnce(x, FUNCTION_CODE, '$11.2.246.537.6.1222.201601"') }),
    rule: RULES.CDA_CODE_SYSTEM_MISMATCH,
  },
  {
    name: 'a client document without its service task',
    change: () => ({ spec: (s) => ({ ...s, palvelutehtava: undefined }) }),
    rule: RULES.CDA_REQUIRED_MISSING,
  },
  {
    name: 'a first version whose setId is not its id',
    change: () => ({ spec: (s) => ({ ...s, setId: `${s.id}.1` }) }),
    rule: RULES.CDA_SETID_FIRST_VERSION,
  },
  {
    name: 'a birthTime that contradicts the hetu',
    change: () => ({ spec: (s) => ({ ...s, client: { ...s.client, birthTime: '20150616' } }) }),
    rule: RULES.CDA_VALUE_INVALID,
  },
  {
    name: 'a case id that is not an OID',
    change: () => ({ spec: (s) => ({ ...s, caseId: 'case-1' }) }),
    rule: RULES.CDA_OID_INVALID,
  },
  {
    name: 'a MIME part that is not XML',
    change: () => ({ cda: () => 'this is not a CDA document' }),
    rule: RULES.CDA_MALFORMED,
  },
  {
    name: 'a register keeper the archive does not know',
    change: () => ({
      spec: (s) => ({ ...s, custodian: { oid: '1.2.246.10.99999999.10.0', name: 'Tuntematon kunta' } }),
    }),
    rule: RULES.CDA_CUSTODIAN_UNKNOWN,
  },
];

describe('document rules through the server', () => {
  it('the unchanged client plan is archived (the twin of every row)', async () => {
    await expectArchived(sim, buildMessage(sim.demo).messageXml);
  });

  it.each(ROWS)('refuses $name ($rule.code)', async ({ change, rule }) => {
    await expectRefused(sim, buildMessage(sim.demo, change()).messageXml, rule);
  });

  it.each([
    {
      unit: "the organiser's service unit",
      serviceUnit: () => sim.demo.organiser.units[0],
      rule: RULES.REGISTER_UNIT_NOT_OWN,
    },
    {
      unit: 'its own service unit but no client-relationship document listing it',
      serviceUnit: () => sim.demo.provider.units[0],
      rule: RULES.REGISTER_RIGHT_MISSING,
    },
  ])(
    "refuses the demo provider archiving into the organiser's register with $unit ($rule.code)",
    async ({ serviceUnit, rule }) => {
      const provider = sim.demo.provider;
      const unit = serviceUnit();
      const m = buildMessage(sim.demo, {
        spec: (s) => (unit ? { ...s, serviceUnit: unit } : s),
        system: { keyPem: provider.signingKeyPem, certPem: provider.signingCertPem },
        frame: (f) => ({
          ...f,
          senderOid: provider.oid,
          messageId: { root: provider.oid, extension: f.messageId.extension },
        }),
      });
      await expectRefused(sim, m.messageXml, rule, { as: provider });
    },
  );
});

describe('with the test-identity guardrail off', () => {
  let open: KantaSimInstance;
  beforeAll(async () => {
    open = await startKantaSim({ testIdentityGuardrail: false });
  });
  afterAll(async () => {
    await open.stop();
  });

  it('archives a document of a hetu outside the test range', async () => {
    const m = buildMessage(open.demo, {
      spec: (s) => ({ ...s, client: { ...s.client, hetu: REAL_PERSON_HETU } }),
    });
    await expectArchived(open, m.messageXml);
  });
});

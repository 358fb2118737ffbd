/**
 * What the grown seed format stores, read back from the archive: a new version in its set with its
 * reason, an invalidation recording who and why, a provider's document in the keeper's register under its
 * register access right, the service tasks of the code list, and an expected refusal refused with its rule
 * and journaled, never stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../server/control/scenario.js';
import { documentIdFor, invalidationIdFor } from '../../server/control/scenario-ids.js';
import { RULES } from '../../server/rules/catalogue.js';
import { startKantaSim, type KantaSimInstance } from '../support/sim.js';

const KEEPER = '1.2.246.10.90000301.10.0';
const PROVIDER = '1.2.246.10.90000302.10.0';
const PROVIDER_UNIT = '1.2.246.10.90000302.10.1';
const CHILD = '250317A942A';
const ELDER = '110438-9581';
const at = (key: string): string => documentIdFor(KEEPER, key);

const scenario = parseScenario({
  organisations: [
    {
      oid: KEEPER,
      name: 'Muotokunta',
      units: [{ oid: '1.2.246.10.90000301.10.1', name: 'Muotokunnan palvelut' }],
    },
    {
      oid: PROVIDER,
      name: 'Muototuottaja Oy',
      units: [{ oid: PROVIDER_UNIT, name: 'Muototuottajan perhetyö' }],
    },
  ],
  identities: [
    { hetu: CHILD, given: ['Lilja'], family: 'Muoto', gender: '2' },
    { hetu: ELDER, given: ['Helvi'], family: 'Muoto', gender: '2' },
  ],
  documents: [
    {
      key: 'suhde',
      template: 'client-relationship',
      organisation: KEEPER,
      hetu: CHILD,
      date: '2020-01-02T10:00:00Z',
      serviceTask: '25',
      providers: [{ organisation: PROVIDER, start: '2020-02-01', end: '2021-12-31' }],
    },
    {
      key: 'suunnitelma',
      template: 'client-plan',
      organisation: KEEPER,
      hetu: CHILD,
      date: '2020-01-10T10:00:00Z',
      serviceTask: 'lastensuojelu',
      case: 'ls',
    },
    {
      key: 'suunnitelma-2',
      replaces: 'suunnitelma',
      date: '2021-01-10T10:00:00Z',
      reason: { text: 'Tavoitteet päivitetty' },
    },
    {
      key: 'perhetyo',
      template: 'client-note',
      organisation: KEEPER,
      provider: PROVIDER,
      hetu: CHILD,
      date: '2020-03-01T10:00:00Z',
      serviceTask: '25',
      case: 'ls',
    },
    {
      key: 'koti',
      template: 'decision',
      organisation: KEEPER,
      hetu: ELDER,
      date: '2019-05-01T10:00:00Z',
      serviceTask: '22',
      text: { outcome: 'Kielteinen' },
    },
  ],
  invalidations: [{ document: 'koti', reason: { code: '2', text: 'Kirjattu väärälle asiakkaalle' } }],
  refusals: [
    {
      rule: 'REGISTER_RIGHT_ENDED',
      template: 'client-note',
      organisation: KEEPER,
      provider: PROVIDER,
      hetu: CHILD,
      date: '2022-03-01T10:00:00Z',
      serviceTask: '25',
    },
  ],
});

describe('the seed format, read back from the archive', () => {
  let sim: KantaSimInstance;
  beforeAll(async () => {
    sim = await startKantaSim();
    await sim.control.seed(scenario);
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('stores a new version in the set of the one it replaces, with its reason, in the same case', async () => {
    const v1 = await sim.running.store.getDocument(at('suunnitelma'));
    const v2 = await sim.running.store.getDocument(at('suunnitelma-2'));
    expect(v2).toMatchObject({ setId: at('suunnitelma'), versionNumber: 2, caseId: v1?.caseId });
    expect(v1?.state).not.toBe(v2?.state);
    expect(v2?.metadataJson).toContain('Tavoitteet päivitetty');
    expect(v1?.palvelutehtava).toBe('25');
  });

  it('invalidates a set as the client system does, recording who and why', async () => {
    const decision = await sim.running.store.getDocument(at('koti'));
    expect(decision?.palvelutehtava).toBe('22');
    expect(decision?.status).toBe('invalidated');
    expect(decision?.invalidation).toMatchObject({
      via: 'client-system',
      by: { kind: 'organisation', id: KEEPER },
      reason: 'Kirjattu väärälle asiakkaalle',
      nullifyingDocumentId: invalidationIdFor(KEEPER, { document: 'koti' }),
    });
  });

  it("stores the provider's document in the keeper's register under its right", async () => {
    const note = await sim.running.store.getDocument(at('perhetyo'));
    expect(note).toMatchObject({ registerOid: KEEPER });
    expect(note?.metadataJson).toContain(PROVIDER_UNIT);
  });

  it('refuses the expected refusal with its rule, journals it and stores nothing', async () => {
    const journal = await sim.control.journal();
    const refusal = journal.find((e) => e.rules.includes(RULES.REGISTER_RIGHT_ENDED.code));
    expect(refusal).toMatchObject({ result: 'AE', organisation: PROVIDER });
    expect(refusal?.documentId).toBe(documentIdFor(KEEPER, 'refusal:#0'));
    expect(await sim.running.store.getDocument(refusal?.documentId ?? '')).toBeUndefined();
  });
});

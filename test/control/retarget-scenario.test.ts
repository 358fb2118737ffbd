/**
 * Retargeting a scenario and applying it again: a copy for another organisation gets disjoint, stable ids;
 * the same scenario applied twice is a no-op that says so; a half-present scenario is refused with what is
 * present and what is missing, storing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retargetScenario } from '../../server/control/retarget-scenario.js';
import { parseScenario, type Scenario } from '../../server/control/scenario.js';
import { documentIdFor, plannedDocumentIds } from '../../server/control/scenario-ids.js';
import { startKantaSim, type KantaSimInstance } from '../support/sim.js';

const HETU = '200111A904P';
const KEEPER = '1.2.246.10.71717171.10.0';
const COPY = '1.2.246.10.72727272.10.0';

const scenario: Scenario = parseScenario({
  organisations: [
    { oid: KEEPER, name: 'Kurssikunta', units: [{ oid: '1.2.246.10.71717171.10.1', name: 'Perhepalvelut' }] },
  ],
  archivists: [{ organisation: KEEPER, name: 'Kaisa Kurssi', username: 'kaisa', password: 'salasana-123' }],
  identities: [{ hetu: HETU, given: ['Emil'], family: 'Esimerkki', gender: '1' }],
  documents: [
    {
      key: 'emil-alku',
      case: 'emil-perhe',
      template: 'initiation',
      organisation: KEEPER,
      unit: '1.2.246.10.71717171.10.1',
      hetu: HETU,
      date: '2018-03-01T10:00:00Z',
    },
    {
      key: 'emil-suunnitelma',
      case: 'emil-perhe',
      template: 'client-plan',
      organisation: KEEPER,
      hetu: HETU,
      date: '2018-04-01T10:00:00Z',
    },
  ],
});

describe('retargetScenario (pure)', () => {
  it('moves the keeper, its units, documents and archivists; ids follow the keeper', () => {
    const copy = retargetScenario(scenario, { from: KEEPER, to: { oid: COPY, name: 'Toinen kunta' } });
    expect(copy.organisations).toEqual([
      {
        oid: COPY,
        name: 'Toinen kunta',
        units: [{ oid: '1.2.246.10.72727272.10.1', name: 'Perhepalvelut' }],
      },
    ]);
    expect(copy.documents.map((d) => [d.organisation, d.unit, d.key])).toEqual([
      [COPY, '1.2.246.10.72727272.10.1', 'emil-alku'],
      [COPY, undefined, 'emil-suunnitelma'],
    ]);
    expect(copy.archivists).toEqual([
      { organisation: COPY, name: 'Kaisa Kurssi', username: 'kaisa-72727272', password: 'salasana-123' },
    ]);
    const original = plannedDocumentIds(scenario);
    const moved = plannedDocumentIds(copy);
    expect(original).toEqual([documentIdFor(KEEPER, 'emil-alku'), documentIdFor(KEEPER, 'emil-suunnitelma')]);
    expect(moved.every((id) => id.startsWith('1.2.246.10.72727272.95.'))).toBe(true);
    expect(moved.filter((id) => original.includes(id))).toEqual([]);
    // stable: the same retarget gives the same ids
    expect(
      plannedDocumentIds(retargetScenario(scenario, { from: KEEPER, to: { oid: COPY, name: 'x' } })),
    ).toEqual(moved);
    // the original is not touched
    expect(scenario.organisations[0]?.oid).toBe(KEEPER);
  });

  it('refuses an unknown keeper, a taken target and an absolute id that cannot follow', () => {
    expect(() => retargetScenario(scenario, { from: COPY, to: { oid: KEEPER, name: 'x' } })).toThrow(
      /not one of the scenario's organisations/,
    );
    const withId = parseScenario({
      organisations: [{ oid: KEEPER, name: 'K' }],
      documents: [{ template: 'initiation', organisation: KEEPER, hetu: HETU, id: '1.2.246.10.1.95.1' }],
    });
    expect(() => retargetScenario(withId, { from: KEEPER, to: { oid: COPY, name: 'x' } })).toThrow(
      /documents\[0\]\.id: 1\.2\.246\.10\.1\.95\.1 is not under/,
    );
  });

  it('refuses two documents with one key, naming both', () => {
    expect(() =>
      parseScenario({
        documents: [
          { key: 'a', template: 'initiation', organisation: KEEPER, hetu: HETU },
          { key: 'a', template: 'decision', organisation: KEEPER, hetu: HETU },
        ],
      }),
    ).toThrow(/documents\[1\]\.key: "a" is already the key of documents\[0\]/);
  });
});

describe('applying a scenario twice, and to a second organisation', () => {
  let sim: KantaSimInstance;
  beforeAll(async () => {
    sim = await startKantaSim();
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('applies, then says "already applied" and changes nothing', async () => {
    const first = await sim.control.seed(scenario);
    expect(first).toMatchObject({ alreadyApplied: false, existing: [], archivists: 1 });
    expect(first.documents).toEqual(plannedDocumentIds(scenario));
    const again = await sim.control.seed(scenario);
    expect(again).toMatchObject({ alreadyApplied: true, documents: [], archivists: 0 });
    expect(again.existing).toEqual(plannedDocumentIds(scenario));
    const stored = await sim.control.documents({ register: KEEPER });
    expect(stored.total).toBe(2);
    expect(new Set(stored.documents.map((d) => d.caseId)).size).toBe(1);
  });

  it('applies a retargeted copy beside the original, with its own ids', async () => {
    const copy = retargetScenario(scenario, { from: KEEPER, to: { oid: COPY, name: 'Toinen kunta' } });
    const result = await sim.control.seed(copy);
    expect(result.alreadyApplied).toBe(false);
    expect(result.documents).toEqual(plannedDocumentIds(copy));
    expect((await sim.control.documents({ register: COPY })).total).toBe(2);
    expect((await sim.control.documents({ register: KEEPER })).total).toBe(2);
  });

  it('refuses a half-present scenario with what is present and missing, storing nothing', async () => {
    const grown = parseScenario({
      ...scenario,
      archivists: [],
      documents: [
        ...scenario.documents,
        {
          key: 'emil-paatos',
          template: 'decision',
          organisation: KEEPER,
          hetu: HETU,
          date: '2018-05-01T10:00:00Z',
        },
      ],
    });
    await expect(sim.control.seed(grown)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/2 of this scenario's 3 documents are archived already/),
    });
    expect((await sim.control.documents({ register: KEEPER })).total).toBe(2);
  });
});

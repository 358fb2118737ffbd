/**
 * A scenario's client-relationship document (asiakkuusasiakirja): the keeper's unit and the providers it
 * lists under the entry's service task. The providers' register access rights are read from this
 * document by the archive (archive/access-rights.ts), so what a scenario lists here is what lets a
 * provider archive into the keeper's register.
 */
import type { DocumentSpec, SpecClient, SpecOrganisation } from '../cda/build-spec.js';
import { CODE_SYSTEMS, SOCIAL_SERVICES, type CodeDisplay } from '../cda/templates-codes.js';
import { clientRelationshipDocument } from '../cda/templates-relationship.js';
import { finnishDate } from '../archive/access-rights.js';
import type { CodeLists } from '../codes/code-lists.js';
import { KantaSimError } from '../errors.js';
import type { SeedDocument } from './scenario-types.js';
import { relationshipIdFor } from './scenario-ids.js';
import type { SeedSigningDeps } from './seed-signing.js';

export interface RelationshipSpecInput {
  readonly entry: SeedDocument;
  readonly id: string;
  readonly client: SpecClient;
  readonly organiser: SpecOrganisation;
  /** The keeper's own service unit. */
  readonly unit: SpecOrganisation;
  readonly date: Date;
  readonly version: Pick<DocumentSpec, 'setId' | 'versionNumber' | 'replaces' | 'reasonOfCorrection'>;
  /** The version this one replaces: the relationship keeps its id and start date. */
  readonly previous: DocumentSpec | undefined;
  readonly deps: SeedSigningDeps;
  readonly codes: CodeLists;
  readonly where: string;
}

export function relationshipSpec(input: RelationshipSpecInput): DocumentSpec {
  const { entry: d, previous, where } = input;
  if (d.provider !== undefined) {
    throw new KantaSimError(
      'BAD_REQUEST',
      `${where}.provider: the register keeper writes its client-relationship document`,
    );
  }
  const startDate = (previous && startOf(previous)) ?? finnishDate(input.date);
  const providers = (d.providers ?? []).map((p, i) => {
    const at = `${where}.providers[${i}]`;
    const org = input.deps.organisations.get(p.organisation);
    if (!org) {
      throw new KantaSimError('BAD_REQUEST', `${at}.organisation: ${p.organisation} is not registered`);
    }
    const unit = p.unit === undefined ? org.units[0] : org.units.find((u) => u.oid === p.unit);
    if (!unit) {
      throw new KantaSimError(
        'BAD_REQUEST',
        `${at}.unit: ${p.unit ?? '(first)'} is not one of ${org.oid}'s units`,
      );
    }
    return {
      unit,
      startDate: p.start,
      ...(p.end === undefined ? {} : { endDate: p.end }),
      services: (p.services ?? [SOCIAL_SERVICES.perhetyo.code]).map((code, j) =>
        service(code, `${at}.services[${j}]`, input.codes),
      ),
    };
  });
  return clientRelationshipDocument({
    id: input.id,
    clientRelationshipId:
      previous?.clientRelationshipId ?? relationshipIdFor(input.organiser.oid, d.key ?? input.id),
    client: input.client,
    organiser: input.organiser,
    date: input.date,
    startDate,
    serviceUnit: input.unit,
    serviceTasks: [
      {
        palvelutehtava: d.serviceTask ?? 'lapsiperheidenPalvelut',
        organiserUnits: [{ unit: input.unit, startDate }],
        providers,
      },
    ],
    ...input.version,
  });
}

/** A social service code, named as the code list names it. */
function service(code: string, where: string, codes: CodeLists): CodeDisplay {
  const entry = codes.lookup(CODE_SYSTEMS.socialService.oid, code);
  if (!entry) {
    throw new KantaSimError(
      'BAD_REQUEST',
      `${where}: "${code}" is not a social service code (sosiaalipalvelu)`,
    );
  }
  return { code, displayName: entry.fi };
}

/** The start date the earlier version gave the relationship. */
function startOf(spec: DocumentSpec): string | undefined {
  const json = spec.json as {
    asiakkuusasiakirja?: { sosiaalihuollon_asiakkuus?: { asiakkuuden_alkamispvm?: unknown } };
  };
  const start = json.asiakkuusasiakirja?.sosiaalihuollon_asiakkuus?.asiakkuuden_alkamispvm;
  return typeof start === 'string' ? start : undefined;
}

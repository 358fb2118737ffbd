/**
 * Reading the class for the trainer's console (who is signed in, what each trainee did) and deciding what
 * making a class means when one exists already: the same class is kept, a larger one adds trainees, a
 * smaller one or another language is refused (organisations keep their names), another scenario needs a
 * reset.
 */
import { KantaSimError } from '../errors.js';
import type { ClassroomLang, ClassroomRecord, ClassroomStore } from '../store/classroom-store.js';
import type { UsageLogStore } from '../store/usage-log-store.js';
import {
  summary,
  toAccount,
  type ActivityEntry,
  type ClassOverview,
  type CreateStatus,
} from './classroom-types.js';

const LAST_ACTIVITY = 5;

export interface OverviewDeps {
  readonly store: ClassroomStore;
  readonly usage: Pick<UsageLogStore, 'list'>;
  readonly clock: () => Date;
}

/** The class overview; a data directory without a class has no trainees. */
export async function readOverview(deps: OverviewDeps): Promise<ClassOverview> {
  const record = await deps.store.getClassroom();
  if (!record) {
    return { trainees: [] };
  }
  const accounts = await deps.store.listOrganisations();
  const now = deps.clock().toISOString();
  const signedIn = await deps.store.signedIn(
    accounts.map((a) => a.archivistId),
    now,
  );
  const counts = await deps.store.usageCounts(accounts.map((a) => a.organisationOid));
  const trainees = await Promise.all(
    accounts
      .filter((a) => a.trainee > 0)
      .map(async (a) => ({
        ...toAccount(a, record.lang),
        signedIn: signedIn.has(a.archivistId),
        seeded: a.seededAt !== undefined,
        activity: {
          count: counts.get(a.organisationOid) ?? 0,
          last: await lastActivity(deps, a.organisationOid),
        },
      })),
  );
  const trainer = accounts.find((a) => a.trainee === 0);
  return {
    classroom: summary(record),
    ...(trainer
      ? { trainer: { ...toAccount(trainer, record.lang), signedIn: signedIn.has(trainer.archivistId) } }
      : {}),
    trainees,
  };
}

async function lastActivity(deps: OverviewDeps, organisationOid: string): Promise<ActivityEntry[]> {
  const entries = await deps.usage.list({ organisationOid, limit: LAST_ACTIVITY });
  return entries.map((e) => ({
    action: e.action,
    at: e.at,
    ...(e.hetu === undefined ? {} : { hetu: e.hetu }),
    ...(e.documentId === undefined ? {} : { documentId: e.documentId }),
  }));
}

/** What a create request means for the class that exists; CONFLICT when it cannot be done. */
export function decideOnExisting(
  existing: ClassroomRecord,
  asked: {
    readonly trainees: number;
    readonly scenario: string;
    readonly lang: ClassroomLang;
    readonly ifExists: string;
  },
): CreateStatus {
  if (asked.trainees < existing.trainees) {
    throw new KantaSimError(
      'CONFLICT',
      `the class has ${existing.trainees} trainees and does not shrink; ask for ${existing.trainees} or more`,
    );
  }
  if (asked.lang !== existing.lang) {
    throw new KantaSimError(
      'CONFLICT',
      `the class was made in "${existing.lang}" and its organisations keep their names; ask with --lang ${existing.lang}`,
    );
  }
  if (asked.ifExists === 'reset') {
    return 'reset';
  }
  if (asked.scenario !== existing.scenario) {
    throw new KantaSimError(
      'CONFLICT',
      `the class holds scenario "${existing.scenario}"; reset it to change to "${asked.scenario}"`,
    );
  }
  return asked.trainees > existing.trainees ? 'extended' : 'existing';
}

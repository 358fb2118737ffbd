/**
 * The classroom's public shapes: what the console, the presenter view and the control API read (exported
 * again from classroom-service.ts), and how store rows become them.
 */
import type {
  ClassroomLang,
  ClassroomOrganisationRecord,
  ClassroomRecord,
} from '../store/classroom-store.js';
import type { UsageAction } from '../store/usage-log-store.js';
import { archivistName } from './sandbox-names.js';

/** One account of the class, as the sign-in cards print it. */
export interface ClassAccount {
  /** 0 for the trainer, 1..N for the trainees. */
  readonly trainee: number;
  readonly username: string;
  /** Training data only (SHA-SPEC [S]): printed on the cards. */
  readonly password: string;
  readonly archivistId: string;
  readonly archivistName: string;
  readonly organisation: { readonly oid: string; readonly name: string };
}

export interface ClassSummary {
  readonly scenario: string;
  readonly lang: ClassroomLang;
  readonly trainees: number;
  readonly createdAt: string;
  readonly resetAt?: string;
}

/** What `create` did: made the class, found it as asked (changing nothing), added trainees, or reset it. */
export type CreateStatus = 'created' | 'existing' | 'extended' | 'reset';

export interface CreateAnswer {
  readonly status: CreateStatus;
  readonly classroom: ClassSummary;
  readonly trainer: ClassAccount;
  readonly trainees: readonly ClassAccount[];
}

export interface ActivityEntry {
  readonly action: UsageAction;
  readonly at: string;
  readonly hetu?: string;
  readonly documentId?: string;
}

export interface TraineeOverview extends ClassAccount {
  readonly signedIn: boolean;
  /** Whether the sandbox holds the scenario (false only while it is being made or reset). */
  readonly seeded: boolean;
  /** What the trainee did, from the usage log: how many entries and the newest few. */
  readonly activity: { readonly count: number; readonly last: readonly ActivityEntry[] };
}

export interface ClassOverview {
  readonly classroom?: ClassSummary;
  readonly trainer?: ClassAccount & { readonly signedIn: boolean };
  readonly trainees: readonly TraineeOverview[];
}

/** The sandbox an archivist belongs to (for the interface: a trainee sees its own). */
export interface SandboxRef {
  readonly trainee: number;
  readonly organisationOid: string;
  readonly name: string;
}

export function toAccount(a: ClassroomOrganisationRecord, lang: ClassroomLang): ClassAccount {
  return {
    trainee: a.trainee,
    username: a.username,
    password: a.password,
    archivistId: a.archivistId,
    archivistName: archivistName(a.trainee, lang),
    organisation: { oid: a.organisationOid, name: a.name },
  };
}

export function summary(r: ClassroomRecord): ClassSummary {
  return {
    scenario: r.scenario,
    lang: r.lang,
    trainees: r.trainees,
    createdAt: r.createdAt,
    ...(r.resetAt === undefined ? {} : { resetAt: r.resetAt }),
  };
}

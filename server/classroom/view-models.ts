/**
 * What the trainer's console pages read: plain readonly data shaped for the page. archivist-ui imports
 * these and nothing else from the classroom, so the classroom's service and store can change without
 * reaching the markup. The mapping functions below build the derived values (a trainee's activity from
 * the usage log, the interface URL a card prints, the cards per sheet) once, on the route side.
 */
import type { UsageAction, UsageEntry } from '../store/usage-log-store.js';

export type { UsageAction } from '../store/usage-log-store.js';

/** The languages a class may be held in (the interface's own). */
export const CLASSROOM_LANGS = ['fi', 'sv', 'en'] as const;
export type ClassroomLang = (typeof CLASSROOM_LANGS)[number];

/** A text in the interface's three languages (scenario titles, rule texts, code names). */
export interface Localised {
  readonly fi: string;
  readonly sv?: string;
  readonly en?: string;
}

/** One of a trainee's recent actions, from the sandbox's usage log. */
export interface ActivityLine {
  readonly at: string;
  readonly action: UsageAction;
}

/** What a trainee did: how many usage-log entries, and the last few, newest first. */
export interface TraineeActivity {
  readonly count: number;
  readonly last: readonly ActivityLine[];
}

/** One trainee of the class as the overview lists it. */
export interface TraineeLine {
  /** The sandbox's id: the console's forms and links name a sandbox by it. */
  readonly sandboxId: string;
  readonly name: string;
  readonly username: string;
  readonly organisationName: string;
  /** Whether the trainee has a live session now. */
  readonly signedIn: boolean;
  readonly activity: TraineeActivity;
}

/** The class as the console shows it. */
export interface ClassOverviewModel {
  readonly scenario: string;
  readonly scenarioTitle?: Localised;
  readonly lang: ClassroomLang;
  readonly createdAt: string;
  readonly trainees: readonly TraineeLine[];
}

/** A named choice of a console form (a scenario, a document type, a client, a rule). */
export interface Choice {
  readonly value: string;
  readonly label: Localised;
}

/** What the console's forms offer: scenarios to make a class from, documents to archive, rules to break. */
export interface ConsoleChoices {
  readonly scenarios: readonly Choice[];
  readonly documentTypes: readonly Choice[];
  readonly clients: readonly Choice[];
  readonly failRules: readonly Choice[];
}

/** What "make the class" was given, so a refused form shows it again. */
export interface MakeClassValues {
  readonly trainees?: string;
  readonly scenario?: string;
  readonly lang?: string;
  readonly mode?: string;
}

/** Which field of a console form was wrong and why; the page words it in its language. */
export type ConsoleFieldError =
  | { readonly field: 'trainees'; readonly reason: 'not-a-number' | 'out-of-range' }
  | { readonly field: 'scenario'; readonly reason: 'unknown' }
  | { readonly field: 'lang'; readonly reason: 'unknown' }
  | { readonly field: 'documentType'; readonly reason: 'unknown' }
  | { readonly field: 'client'; readonly reason: 'unknown' }
  | { readonly field: 'rule'; readonly reason: 'unknown' }
  | { readonly field: 'target'; readonly reason: 'unknown' };

export type ConsoleField = ConsoleFieldError['field'];

/** What the trainer just did, shown once above the overview after the redirect. */
export const CONSOLE_NOTICES = [
  'made',
  'reset-class',
  'reset-sandbox',
  'archived',
  'archive-refused',
  'fail-armed',
] as const;
export type ConsoleNotice = (typeof CONSOLE_NOTICES)[number];

export function isConsoleNotice(v: unknown): v is ConsoleNotice {
  return typeof v === 'string' && (CONSOLE_NOTICES as readonly string[]).includes(v);
}

/** The trainee count a class may have: one is a demonstration, more than the bench measures is not a class. */
export const TRAINEES_MIN = 1;
export const TRAINEES_MAX = 60;

/** What a reset would touch: the whole class, or one trainee's sandbox. */
export type ResetScope =
  | { readonly kind: 'class'; readonly trainees: number }
  | { readonly kind: 'sandbox'; readonly trainee: TraineeLine };

/** One printed sign-in card. */
export interface SignInCard {
  readonly name: string;
  readonly username: string;
  readonly password: string;
  readonly organisationName: string;
}

/** How the trainer signs in: shown once to the operator who made the class from the console. */
export interface TrainerSignIn {
  readonly username: string;
  readonly password: string;
}

/** The cards and what they share: the interface's URL and the language they are printed in. */
export interface SignInCardsModel {
  readonly lang: ClassroomLang;
  readonly url: string;
  readonly cards: readonly SignInCard[];
}

/** How many recent actions the overview shows per trainee. */
export const ACTIVITY_SHOWN = 3;

/** A trainee's activity from the classroom's count and newest entries (newest first). */
export function traineeActivityOf(
  count: number,
  newest: readonly ActivityLine[],
  shown = ACTIVITY_SHOWN,
): TraineeActivity {
  return { count, last: newest.slice(0, shown).map((e) => ({ at: e.at, action: e.action })) };
}

/** A trainee's activity from its sandbox's usage log (newest first, as the store lists it). */
export function traineeActivity(entries: readonly UsageEntry[], shown = ACTIVITY_SHOWN): TraineeActivity {
  return {
    count: entries.length,
    last: entries.slice(0, shown).map((e) => ({ at: e.at, action: e.action })),
  };
}

/**
 * The archivist interface's sign-in URL a card prints: under the configured public URL when there is one
 * (a proxy in front of the classroom machine), else where the trainer's own browser reached this listener.
 * The Host has already passed the web listener's guard, so it is one of the listener's own names.
 */
export function interfaceUrl(
  request: { readonly protocol: string; readonly host: string | undefined },
  publicUrl?: string,
): string {
  const base = publicUrl?.trim()
    ? publicUrl.trim().replace(/\/+$/, '')
    : `${request.protocol}://${request.host ?? 'localhost'}`;
  return `${base}/archivist/login`;
}

/** Eight cards to an A4 sheet (two columns, four rows): a sheet is cut into cards of a business card's feel. */
export const CARDS_PER_SHEET = 8;

/** The cards in sheets of CARDS_PER_SHEET, in the class's order. */
export function cardSheets<T>(cards: readonly T[], perSheet = CARDS_PER_SHEET): T[][] {
  const sheets: T[][] = [];
  for (let i = 0; i < cards.length; i += perSheet) {
    sheets.push(cards.slice(i, i + perSheet));
  }
  return sheets;
}

/** A localised label in `lang`, falling back to Finnish (scenario and code-list texts are Finnish first). */
export function labelIn(label: Localised, lang: ClassroomLang): string {
  return label[lang] ?? label.fi;
}

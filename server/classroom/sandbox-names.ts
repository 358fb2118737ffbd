/**
 * What a classroom's organisations and accounts are called: deterministic OIDs under one classroom root
 * (the same class on another machine has the same OIDs, so exercises and answer keys can name them), names
 * in the class's language and readable passwords for the printed sign-in cards.
 */
import { randomInt } from 'node:crypto';
import type { ClassroomLang } from '../store/classroom-store.js';

/**
 * The classroom's OID root: organisation n is `1.2.246.10.98765<nn>.10.0` (a 7-digit business-id arc
 * like every kanta-sim organisation), n = 0 the trainer's, 1..60 the trainees'. SHA-SPEC [S].
 */
export const CLASSROOM_OID_ROOT = '1.2.246.10.98765';
export const MAX_TRAINEES = 60;
export const TRAINER_USERNAME = 'kouluttaja';

const two = (n: number): string => String(n).padStart(2, '0');

/** The register keeper OID of trainee n (0: the trainer's organisation). */
export function sandboxOid(trainee: number): string {
  return `${CLASSROOM_OID_ROOT}${two(trainee)}.10.0`;
}

/** The sandbox's one service unit. */
export function sandboxUnitOid(trainee: number): string {
  return `${CLASSROOM_OID_ROOT}${two(trainee)}.10.1`;
}

const NAMES: Record<ClassroomLang, { trainee: string; unit: string; trainer: string }> = {
  fi: { trainee: 'Harjoituskunta', unit: 'sosiaalipalvelut', trainer: 'Koulutusorganisaatio' },
  sv: { trainee: 'Övningskommun', unit: 'socialtjänst', trainer: 'Utbildningsorganisation' },
  en: { trainee: 'Training municipality', unit: 'social services', trainer: 'Training organisation' },
};

const ARCHIVIST_NAMES: Record<ClassroomLang, { trainee: string; trainer: string }> = {
  fi: { trainee: 'Harjoittelija', trainer: 'Kouluttaja' },
  sv: { trainee: 'Övande', trainer: 'Utbildare' },
  en: { trainee: 'Trainee', trainer: 'Trainer' },
};

/** "Harjoituskunta 01", "Övningskommun 01", "Training municipality 01"; the trainer's organisation by role. */
export function organisationName(trainee: number, lang: ClassroomLang): string {
  return trainee === 0 ? NAMES[lang].trainer : `${NAMES[lang].trainee} ${two(trainee)}`;
}

export function unitName(trainee: number, lang: ClassroomLang): string {
  return `${organisationName(trainee, lang)}, ${NAMES[lang].unit}`;
}

export function archivistName(trainee: number, lang: ClassroomLang): string {
  const names = ARCHIVIST_NAMES[lang];
  return trainee === 0 ? names.trainer : `${names.trainee} ${two(trainee)}`;
}

/** trainee01 .. trainee60; the trainer is `kouluttaja`. */
export function usernameOf(trainee: number): string {
  return trainee === 0 ? TRAINER_USERNAME : `trainee${two(trainee)}`;
}

/** The trainee number of `trainee07`, `07` or `7`; undefined for anything else. */
export function traineeNumber(name: string): number | undefined {
  const m = /^(?:trainee)?(\d{1,2})$/.exec(name.trim().toLowerCase());
  const n = m?.[1] === undefined ? NaN : Number(m[1]);
  return Number.isInteger(n) && n >= 1 && n <= MAX_TRAINEES ? n : undefined;
}

/** Plain words without letters that read alike on a card (no å, ä, ö; no l/1, O/0 confusion in digits). */
const WORDS = [
  'aamu',
  'joki',
  'kivi',
  'kuusi',
  'lumi',
  'meri',
  'pilvi',
  'puro',
  'sade',
  'savu',
  'tuuli',
  'vesi',
  'hanki',
  'kallio',
  'metsa',
  'niitty',
  'polku',
  'ranta',
  'saari',
  'tahti',
  'talvi',
  'kesa',
  'syksy',
  'kevat',
];

/** A readable password such as `kivi-4827-ranta`: typed from a printed card, for training data only. */
export function readablePassword(): string {
  const word = (): string => WORDS[randomInt(WORDS.length)] as string;
  return `${word()}-${randomInt(2000, 9999)}-${word()}`;
}

/** The interface languages: Finnish first (the default), Swedish and English. */
import { en } from './en.js';
import { fi, type Messages } from './fi.js';
import { sv } from './sv.js';

export type { Messages } from './fi.js';

export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

const MESSAGES: Record<Lang, Messages> = { fi, sv, en };

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}

/** The messages of a language; anything unknown falls back to Finnish. */
export function messages(lang: unknown): Messages {
  return MESSAGES[isLang(lang) ? lang : 'fi'];
}

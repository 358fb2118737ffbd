/** What every page knows: language, display preferences, where it is, and who is signed in. */
import type { Lang, Messages } from '../i18n/index.js';

export interface PageUser {
  readonly name: string;
  readonly organisationName: string;
  readonly registers: readonly { readonly oid: string; readonly name: string }[];
  readonly demo: boolean;
  /** The session's CSRF token, written into every form. */
  readonly csrf: string;
  /** The classroom's trainer: the menu links the trainer's console. */
  readonly trainer?: boolean;
  /** A trainee of the classroom: the menu links the exercises. */
  readonly trainee?: boolean;
}

export interface PageContext {
  readonly t: Messages;
  readonly lang: Lang;
  readonly contrast: boolean;
  /** The current path with query, for the language and contrast switches to come back to. */
  readonly path: string;
  readonly user?: PageUser;
}

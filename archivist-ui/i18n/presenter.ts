/** Texts of the presenter view (esitysnäkymä): the projector's mirror of the trainer's window. */
import type { Lang } from './index.js';

const fi = {
  title: 'Esitysnäkymä',
  following: 'Seuraa kouluttajan ikkunaa',
  waiting: 'Odotetaan: avaa sivu kouluttajan pääikkunassa, niin se näkyy tässä.',
  hetusMasked: 'Henkilötunnukset peitetty',
  hetusShown: 'Henkilötunnukset näkyvissä',
  reveal: 'Näytä henkilötunnukset',
  hide: 'Peitä henkilötunnukset',
  trainerOnly: 'Esitysnäkymä on vain kouluttajalle.',
  openPresenter: 'Avaa esitysnäkymä',
};

export type PresenterMessages = typeof fi;

const sv: PresenterMessages = {
  title: 'Presentationsvy',
  following: 'Följer utbildarens fönster',
  waiting: 'Väntar: öppna en sida i utbildarens huvudfönster, så visas den här.',
  hetusMasked: 'Personbeteckningarna dolda',
  hetusShown: 'Personbeteckningarna synliga',
  reveal: 'Visa personbeteckningarna',
  hide: 'Dölj personbeteckningarna',
  trainerOnly: 'Presentationsvyn är endast för utbildaren.',
  openPresenter: 'Öppna presentationsvyn',
};

const en: PresenterMessages = {
  title: 'Presenter view',
  following: "Following the trainer's window",
  waiting: "Waiting: open a page in the trainer's main window and it shows here.",
  hetusMasked: 'Identity codes masked',
  hetusShown: 'Identity codes shown',
  reveal: 'Show identity codes',
  hide: 'Mask identity codes',
  trainerOnly: 'The presenter view is for the trainer only.',
  openPresenter: 'Open the presenter view',
};

const MESSAGES: Record<Lang, PresenterMessages> = { fi, sv, en };

export function presenterMessages(lang: Lang): PresenterMessages {
  return MESSAGES[lang];
}

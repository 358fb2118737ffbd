/**
 * Realistic client documents of a families-with-children (24) or child protection (26, placeholder code)
 * case, one builder per phase: initiation (1), assessment (2), client plan (3), decision (4) and a client
 * note. Each takes the minimal CaseDocumentInput plus optional content and returns a DocumentSpec for
 * buildSocialDocumentXml. The default texts are plausible Finnish case work, invented for test clients.
 * Only the client plan's JSON follows a real document key by key; the others' keys are kanta-sim's own.
 */
import type { DocumentSpec } from './build-spec.js';
import { formatFinnishDate, formatIsoDate } from '../hl7/time.js';
import { caseDocumentSpec, jsonCode, type CaseDocumentInput } from './templates-common.js';
import { CODE_SYSTEMS, SOCIAL_SERVICES, type CodeDisplay } from './templates-codes.js';
import { para, titledItem } from './templates-xhtml.js';

const socialService = (s: CodeDisplay): { sosiaalipalvelu: ReturnType<typeof jsonCode> } => ({
  sosiaalipalvelu: jsonCode(CODE_SYSTEMS.socialService.oid, s),
});

/** Vireilletulo: how the matter came up and what it is about. */
export function initiation(
  input: CaseDocumentInput & {
    /** Default 'Yhteydenotto'. */
    readonly channel?: string;
    /** Who contacted; default 'Asiakkaan huoltaja'. */
    readonly contactPerson?: string;
    readonly description?: string;
  },
): DocumentSpec {
  const channel = input.channel ?? 'Yhteydenotto';
  const contactPerson = input.contactPerson ?? 'Asiakkaan huoltaja';
  const description =
    input.description ??
    'Huoltaja otti yhteyttä perhekeskukseen ja kertoi perheen arjen kuormittuneen. Toivoo tukea lapsen unirytmin ja koulunkäynnin haasteisiin.';
  const day = formatIsoDate(input.date);
  return caseDocumentSpec('initiation', input, {
    sections: [
      titledItem(
        'Vireilletulo',
        para(
          `Vireilletulopäivä: ${formatFinnishDate(day)}`,
          `Vireilletulon tapa: ${channel}`,
          `Yhteydenottaja: ${contactPerson}`,
        ),
      ),
      titledItem('Asian kuvaus', para(description)),
    ],
    json: {
      vireilletulo: {
        vireilletulopaiva: day,
        vireilletulon_tapa: channel,
        yhteydenottaja: contactPerson,
        asian_kuvaus: description,
      },
    },
  });
}

/** Palvelutarpeen arviointi: the situation, the client's own view, the worker's conclusion, services proposed. */
export function assessment(
  input: CaseDocumentInput & {
    readonly situation?: string;
    readonly clientView?: string;
    readonly conclusion?: string;
    /** Default: Sosiaaliohjaus. */
    readonly services?: readonly CodeDisplay[];
  },
): DocumentSpec {
  const situation =
    input.situation ??
    'Perheessä on kaksi alakouluikäistä lasta. Vanhemmat kertovat väsymyksestä ja riidoista kotitehtävien vuoksi.';
  const clientView =
    input.clientView ?? 'Lapsi kertoo viihtyvänsä koulussa, mutta aamut ovat hänestä vaikeita.';
  const conclusion =
    input.conclusion ??
    'Perhe hyötyy sosiaaliohjauksesta. Lastensuojelun tarvetta ei arvioinnin perusteella ole.';
  const services = input.services ?? [SOCIAL_SERVICES.sosiaaliohjaus];
  return caseDocumentSpec('assessment', input, {
    sections: [
      titledItem('Asiakkaan tilanne', para(situation)),
      titledItem('Asiakkaan oma näkemys', para(clientView)),
      titledItem('Työntekijän johtopäätökset', para(conclusion)),
      titledItem('Ehdotetut palvelut', para(...services.map((s) => `Sosiaalipalvelu: ${s.displayName}`))),
    ],
    json: {
      palvelutarpeen_arviointi: {
        asiakkaan_tilanne: situation,
        asiakkaan_oma_nakemys: clientView,
        tyontekijan_johtopaatokset: conclusion,
        ehdotetut_palvelut: services.map(socialService),
      },
    },
  });
}

/** Asiakassuunnitelma (15007 for task 24): the display sections and JSON keys of the real client plan. */
export function clientPlan(
  input: CaseDocumentInput & {
    readonly situation?: string;
    /** Default: Sosiaaliohjaus, as the real plan. */
    readonly services?: readonly CodeDisplay[];
    readonly meetings?: string;
    readonly differingViews?: string;
    /** When the plan is reviewed; default 90 days after `date`. */
    readonly reviewAt?: Date;
    readonly reviewPlace?: string;
  },
): DocumentSpec {
  const situation =
    input.situation ??
    'Perhe on hakeutunut sosiaaliohjaukseen arjen kuormittumisen vuoksi. Tavoitteena on säännöllinen päivärytmi ja vanhempien jaksaminen.';
  const services = input.services ?? [SOCIAL_SERVICES.sosiaaliohjaus];
  const meetings = input.meetings ?? 'Omatyöntekijä tapaa perhettä kotikäynnein kahden viikon välein.';
  const differingViews = input.differingViews ?? 'Ei eriäviä näkemyksiä.';
  const reviewAt = input.reviewAt ?? new Date(input.date.getTime() + 90 * 86_400_000);
  const reviewPlace = input.reviewPlace ?? 'Perhekeskus';
  const reviewDay = formatIsoDate(reviewAt);
  return caseDocumentSpec('clientPlan', input, {
    sections: [
      titledItem('Kuvaus asiakkaan tilanteesta', para(situation)),
      titledItem(
        'Palvelut joita asiakkaalle suunnitellaan',
        para(...services.map((s) => `Suunniteltava sosiaalipalvelu: ${s.displayName}`)),
      ),
      titledItem('Suunnitelma asiakkaan ja omatyöntekijän tapaamisista', para(meetings)),
      titledItem(
        'Asiakkaalle on annettu selvitys oikeuksista, velvollisuuksista ja erilaisista tilanteeseen sopivista toimenpidevaihtoehdoista',
        para('Kyllä'),
      ),
      titledItem(
        'Suunnitelman tekoon osallistuneiden henkilöiden eriävät näkemykset suunnitelman sisällöstä',
        para(differingViews),
      ),
      titledItem(
        'Suunnitelman tarkistaminen',
        para(`Päivämäärä: ${formatFinnishDate(reviewDay)}`, `Paikka: ${reviewPlace}`),
      ),
    ],
    json: {
      suunnitelma: {
        kuvaus_asiakkaan_tilanteesta: situation,
        palvelut_joita_asiakkaalle_suunnitellaan: services.map(socialService),
        suunnitelma_asiakkaan_ja_omatyontekijan_tapaamisista: meetings,
        selvitys_oikeuksista: true,
        eriavat_nakemykset: differingViews,
        suunnitelman_tarkistaminen: { paivamaara: reviewDay, paikka: reviewPlace },
      },
    },
  });
}

/** Päätös: the decided service, the outcome, grounds, validity and appeal instructions. */
export function decision(
  input: CaseDocumentInput & {
    /** Default: Sosiaaliohjaus. */
    readonly service?: CodeDisplay;
    /** Default 'Myönteinen'. */
    readonly outcome?: 'Myönteinen' | 'Kielteinen';
    readonly grounds?: string;
    /** ISO dates; start defaults to the decision date. */
    readonly validFrom?: string;
    readonly validUntil?: string;
  },
): DocumentSpec {
  const service = input.service ?? SOCIAL_SERVICES.sosiaaliohjaus;
  const outcome = input.outcome ?? 'Myönteinen';
  const grounds =
    input.grounds ??
    'Palvelutarpeen arvioinnin perusteella perhe tarvitsee tukea arjen hallintaan (sosiaalihuoltolaki 1301/2014).';
  const validFrom = input.validFrom ?? formatIsoDate(input.date);
  const appeal = 'Päätökseen tyytymätön voi hakea oikaisua 30 päivän kuluessa päätöksen tiedoksisaannista.';
  const validity =
    input.validUntil === undefined
      ? `alkaen ${formatFinnishDate(validFrom)}`
      : `${formatFinnishDate(validFrom)}–${formatFinnishDate(input.validUntil)}`;
  return caseDocumentSpec('decision', input, {
    sections: [
      titledItem(
        'Päätös',
        para(`Sosiaalipalvelu: ${service.displayName}`, `Ratkaisu: ${outcome}`, `Voimassa: ${validity}`),
      ),
      titledItem('Perustelut', para(grounds)),
      titledItem('Muutoksenhakuohje', para(appeal)),
    ],
    json: {
      paatos: {
        ...socialService(service),
        ratkaisu: outcome,
        perustelut: grounds,
        voimassaolo:
          input.validUntil === undefined
            ? { alkupvm: validFrom }
            : { alkupvm: validFrom, loppupvm: input.validUntil },
        muutoksenhakuohje: appeal,
      },
    },
  });
}

/** Asiakaskertomus: dated free-text entries by the worker. */
export function clientNote(
  input: CaseDocumentInput & {
    /** Default: one home-visit entry dated `date`. */
    readonly entries?: readonly { readonly date: Date; readonly text: string }[];
  },
): DocumentSpec {
  const entries = input.entries ?? [
    {
      date: input.date,
      text: 'Kotikäynti. Perheen aamurutiineja käytiin läpi yhdessä vanhempien kanssa; sovittiin seuraava käynti.',
    },
  ];
  return caseDocumentSpec('clientNote', input, {
    sections: entries.map((e) =>
      titledItem(`Merkintä ${formatFinnishDate(formatIsoDate(e.date))}`, para(e.text)),
    ),
    json: {
      asiakaskertomus: {
        merkinnat: entries.map((e) => ({ merkinnan_paivamaara: formatIsoDate(e.date), merkinta: e.text })),
      },
    },
  });
}

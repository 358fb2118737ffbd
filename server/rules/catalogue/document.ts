import { defineRules } from '../rule.js';

/** Rules about the CDA R2 document and its descriptive metadata (SHA-SPEC section 4). */
export const DOCUMENT_RULES = defineRules({
  CDA_MALFORMED: {
    severity: 'AE',
    fi: 'Asiakirja ei ole hyvin muodostettu CDA R2 -asiakirja.',
    sv: 'Dokumentet är inte ett välformat CDA R2-dokument.',
    en: 'The document is not a well-formed CDA R2 document.',
  },
  CDA_REQUIRED_MISSING: {
    severity: 'AE',
    fi: 'Asiakirjasta puuttuu pakollinen tieto.',
    sv: 'En obligatorisk uppgift saknas i dokumentet.',
    en: 'A required element is missing from the document.',
  },
  CDA_VALUE_INVALID: {
    severity: 'AE',
    fi: 'Asiakirjan tiedon arvo on virheellinen.',
    sv: 'Ett värde i dokumentet är felaktigt.',
    en: 'A value in the document is invalid.',
  },
  CDA_OID_INVALID: {
    severity: 'AE',
    fi: 'Tunniste ei ole kelvollinen OID.',
    sv: 'Identifieraren är inte en giltig OID.',
    en: 'The identifier is not a valid OID.',
  },
  CDA_CODE_UNKNOWN: {
    severity: 'AE',
    fi: 'Koodi ei kuulu koodistoon.',
    sv: 'Koden hör inte till kodsystemet.',
    en: 'The code is not in the code system.',
  },
  CDA_CODE_SYSTEM_MISMATCH: {
    severity: 'AE',
    fi: 'Koodin koodisto on väärä.',
    sv: 'Kodens kodsystem är fel.',
    en: 'The code uses the wrong code system.',
  },
  CDA_HETU_INVALID: {
    severity: 'AE',
    fi: 'Henkilötunnus on virheellinen (muoto tai tarkistemerkki).',
    sv: 'Personbeteckningen är felaktig (format eller kontrolltecken).',
    en: 'The personal identity code is invalid (format or check character).',
  },
  CDA_HETU_NOT_TEST_IDENTITY: {
    severity: 'AE',
    fi: 'Testiympäristössä sallitaan vain testihenkilötunnukset (yksilönumero 900–999).',
    sv: 'I testmiljön tillåts endast testpersonbeteckningar (individnummer 900–999).',
    en: 'Only test identities (individual number 900-999) are allowed in the test environment.',
  },
  CDA_SETID_FIRST_VERSION: {
    severity: 'AE',
    fi: 'Ensimmäisen version setId:n on oltava sama kuin asiakirjan tunniste.',
    sv: 'setId för den första versionen ska vara samma som dokumentets identifierare.',
    en: 'The setId of the first version must equal the document id.',
  },
  CDA_BODY_INVALID: {
    severity: 'AE',
    fi: 'Asiakirjan runko (nonXMLBody) on virheellinen.',
    sv: 'Dokumentets kropp (nonXMLBody) är felaktig.',
    en: 'The document body (nonXMLBody) is invalid.',
  },
  CDA_DISPLAY_FORM_INVALID: {
    severity: 'AE',
    fi: 'Asiakirjan näyttömuoto (XHTML) on virheellinen.',
    sv: 'Dokumentets visningsform (XHTML) är felaktig.',
    en: 'The display form (XHTML) of the document is invalid.',
  },
  CDA_STRUCTURED_FORM_INVALID: {
    severity: 'AE',
    fi: 'Asiakirjan rakenteinen muoto (JSON) on virheellinen.',
    sv: 'Dokumentets strukturerade form (JSON) är felaktig.',
    en: 'The structured form (JSON) of the document is invalid.',
  },
  CDA_CUSTODIAN_UNKNOWN: {
    severity: 'AE',
    fi: 'Rekisterinpitäjää ei tunneta.',
    sv: 'Registeransvarig är okänd.',
    en: 'The register keeper (custodian) is not known to the archive.',
  },
  REGISTER_ACCESS_DENIED: {
    severity: 'AE',
    fi: 'Lähettäjällä ei ole oikeutta tallentaa rekisterinpitäjän rekisteriin.',
    sv: 'Avsändaren har inte rätt att lagra i den registeransvariges register.',
    en: "The sender has no right to archive into the register keeper's register.",
  },
  ARCHIVE_ID_CONFLICT: {
    severity: 'AE',
    fi: 'Arkistossa on jo eri asiakirja samalla tunnisteella.',
    sv: 'Arkivet har redan ett annat dokument med samma identifierare.',
    en: 'The archive already holds a different document with this id.',
  },
  ARCHIVE_UNAVAILABLE: {
    severity: 'AE',
    fi: 'Arkisto ei voi juuri nyt tallentaa asiakirjaa. Yritä myöhemmin uudelleen.',
    sv: 'Arkivet kan inte lagra dokumentet just nu. Försök igen senare.',
    en: 'The archive cannot store the document right now. Try again later.',
  },
});

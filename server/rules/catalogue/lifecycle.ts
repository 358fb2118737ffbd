import { defineRules } from '../rule.js';

/**
 * Rules of the document lifecycle (new versions, invalidation), the register access right and the
 * register-scoped queries (SHA-SPEC sections 3 and 6).
 */
export const LIFECYCLE_RULES = defineRules({
  VERSION_NOT_NEW: {
    severity: 'AE',
    fi: 'Uuden version ja mitätöinnin versionumeron on oltava suurempi kuin 1.',
    sv: 'Versionsnumret för en ny version eller en makulering ska vara större än 1.',
    en: 'A new version or an invalidation must have a versionNumber greater than 1.',
  },
  VERSION_SET_UNKNOWN: {
    severity: 'AE',
    fi: 'Arkistossa ei ole asiakirjaa, jonka uusi versio tämä olisi (tuntematon setId).',
    sv: 'Arkivet har inget dokument som detta kunde vara en ny version av (okänt setId).',
    en: 'The archive holds no document this could be a new version of (unknown setId).',
  },
  VERSION_GAP: {
    severity: 'AE',
    fi: 'Versionumero ei ole edellistä arkistoitua versiota seuraava numero.',
    sv: 'Versionsnumret följer inte närmast på den senast arkiverade versionen.',
    en: 'The versionNumber does not follow the latest archived version.',
  },
  VERSION_CONFLICT: {
    severity: 'AE',
    fi: 'Asiakirjan tämä versio on jo arkistoitu (versioristiriita).',
    sv: 'Denna version av dokumentet är redan arkiverad (versionskonflikt).',
    en: 'This version of the document has already been archived (version conflict).',
  },
  VERSION_PARENT_MISMATCH: {
    severity: 'AE',
    fi: 'relatedDocument (RPLC) ei viittaa korvattavaan, viimeisimpään versioon.',
    sv: 'relatedDocument (RPLC) hänvisar inte till den senaste versionen som ersätts.',
    en: 'relatedDocument (RPLC) does not name the latest version, which this one replaces.',
  },
  VERSION_REASON_MISSING: {
    severity: 'AE',
    fi: 'Uudesta versiosta puuttuu korvauksen syy (hl7fi:reasonOfCorrection).',
    sv: 'Orsaken till ersättningen (hl7fi:reasonOfCorrection) saknas i den nya versionen.',
    en: 'The new version lacks its reason of correction (hl7fi:reasonOfCorrection).',
  },
  VERSION_REPLACES_INVALIDATED: {
    severity: 'AE',
    fi: 'Mitätöityä asiakirjaa ei voi korvata uudella versiolla.',
    sv: 'Ett makulerat dokument kan inte ersättas med en ny version.',
    en: 'An invalidated document cannot be replaced by a new version.',
  },
  VERSION_CLIENT_CHANGED: {
    severity: 'AE',
    fi: 'Uuden version asiakas on eri kuin aiemman version.',
    sv: 'Klienten i den nya versionen är en annan än i den tidigare versionen.',
    en: 'The new version names a different client than the earlier version.',
  },
  VERSION_REGISTER_CHANGED: {
    severity: 'AE',
    fi: 'Uuden version rekisterinpitäjä on eri kuin aiemman version.',
    sv: 'Registeransvarig i den nya versionen är en annan än i den tidigare versionen.',
    en: 'The new version names a different register keeper than the earlier version.',
  },
  INVALIDATION_STATUS_MISSING: {
    severity: 'AE',
    fi: 'Mitätöintipyynnön siirtokehyksen statusCode-arvon on oltava nullified.',
    sv: 'statusCode i överföringsramen för en makulering ska vara nullified.',
    en: 'An invalidation request must carry the frame statusCode nullified.',
  },
  INVALIDATION_ALREADY_DONE: {
    severity: 'AE',
    fi: 'Asiakirja on jo mitätöity.',
    sv: 'Dokumentet är redan makulerat.',
    en: 'The document has already been invalidated.',
  },
  INVALIDATION_REASON_MISSING: {
    severity: 'AE',
    fi: 'Mitätöinnin syy puuttuu.',
    sv: 'Orsaken till makuleringen saknas.',
    en: 'The reason for the invalidation is missing.',
  },
  REGISTER_UNIT_NOT_OWN: {
    severity: 'AE',
    fi: 'Asiakirjan palveluyksikkö ei kuulu lähettäjäorganisaatiolle.',
    sv: 'Dokumentets serviceenhet hör inte till den avsändande organisationen.',
    en: "The document's service unit does not belong to the sending organisation.",
  },
  REGISTER_RIGHT_MISSING: {
    severity: 'AE',
    fi: 'Palvelunjärjestäjän rekisterissä ei ole asiakkaan asiakkuusasiakirjaa, joka antaisi rekisterin käyttöoikeuden.',
    sv: 'Anordnarens register har inget klientrelationsdokument för klienten som ger rätt att använda registret.',
    en: "The organiser's register holds no client-relationship document for the client that grants a register access right.",
  },
  REGISTER_RIGHT_UNIT_NOT_LISTED: {
    severity: 'AE',
    fi: 'Asiakkuusasiakirja ei nimeä palveluntuottajan palveluyksikköä.',
    sv: 'Klientrelationsdokumentet nämner inte producentens serviceenhet.',
    en: "The client-relationship document does not list the provider's service unit.",
  },
  REGISTER_RIGHT_SERVICE_TASK_NOT_LISTED: {
    severity: 'AE',
    fi: 'Asiakkuusasiakirja nimeää palveluntuottajan palveluyksikön vain muiden palvelutehtävien alla kuin asiakirjan palvelutehtävän.',
    sv: 'Klientrelationsdokumentet nämner producentens serviceenhet endast under andra serviceuppgifter än dokumentets.',
    en: "The client-relationship document lists the provider's service unit only under other service tasks than the document's.",
  },
  REGISTER_RIGHT_NOT_STARTED: {
    severity: 'AE',
    fi: 'Rekisterin käyttöoikeus ei ollut vielä alkanut asiakirjan päivämääränä.',
    sv: 'Rätten att använda registret hade ännu inte börjat på dokumentets datum.',
    en: "The register access right had not started on the document's date.",
  },
  REGISTER_RIGHT_ENDED: {
    severity: 'AE',
    fi: 'Rekisterin käyttöoikeus oli päättynyt ennen asiakirjan päivämäärää.',
    sv: 'Rätten att använda registret hade upphört före dokumentets datum.',
    en: "The register access right had ended before the document's date.",
  },
  QUERY_PARAMETER_MISSING: {
    severity: 'AE',
    fi: 'Kyselystä puuttuu pakollinen hakuehto.',
    sv: 'Ett obligatoriskt sökvillkor saknas i förfrågan.',
    en: 'A required query parameter is missing.',
  },
  QUERY_PARAMETER_INVALID: {
    severity: 'AE',
    fi: 'Kyselyn hakuehto on virheellinen.',
    sv: 'Ett sökvillkor i förfrågan är felaktigt.',
    en: 'A query parameter is invalid.',
  },
  QUERY_CLIENT_NOT_IN_REGISTER: {
    severity: 'AE',
    fi: 'Asiakkaalla ei ole tietoja rekistereissä, joihin kysyjällä on käyttöoikeus.',
    sv: 'Klienten har inga uppgifter i de register som frågaren har rätt att använda.',
    en: 'The client has no data in the registers the caller may read.',
  },
  QUERY_DOCUMENT_NOT_IN_REGISTER: {
    severity: 'AE',
    fi: 'Asiakirjaa ei ole rekistereissä, joihin kysyjällä on käyttöoikeus.',
    sv: 'Dokumentet finns inte i de register som frågaren har rätt att använda.',
    en: 'The document is not in any register the caller may read.',
  },
});

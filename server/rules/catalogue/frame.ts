import { defineRules } from '../rule.js';

/** Rules about the HL7 V3 transfer frame (RCMR_IN200002FI01) and its MIME package. */
export const FRAME_RULES = defineRules({
  FRAME_INTERACTION_UNKNOWN: {
    severity: 'AR',
    fi: 'Tuntematon sanomatyyppi (interactionId).',
    sv: 'Okänd meddelandetyp (interactionId).',
    en: 'Unknown interaction (interactionId).',
  },
  FRAME_RECEIVER_MISMATCH: {
    severity: 'AR',
    fi: 'Vastaanottaja ei ole Kannan arkisto (1.2.246.556.18007.2).',
    sv: 'Mottagaren är inte Kanta-arkivet (1.2.246.556.18007.2).',
    en: 'The receiver is not the Kanta archive (1.2.246.556.18007.2).',
  },
  FRAME_SENDER_MISMATCH: {
    severity: 'AR',
    fi: 'Lähettäjän OID ei kuulu TLS-varmenteen organisaatiolle.',
    sv: 'Avsändarens OID tillhör inte organisationen i TLS-certifikatet.',
    en: 'The sender OID does not belong to the organisation of the TLS certificate.',
  },
  FRAME_REQUIRED_MISSING: {
    severity: 'AE',
    fi: 'Siirtokehyksestä puuttuu pakollinen tieto.',
    sv: 'En obligatorisk uppgift saknas i överföringsramen.',
    en: 'A required element is missing from the transfer frame.',
  },
  FRAME_VALUE_INVALID: {
    severity: 'AE',
    fi: 'Siirtokehyksen tiedon arvo on virheellinen.',
    sv: 'Ett värde i överföringsramen är felaktigt.',
    en: 'A value in the transfer frame is invalid.',
  },
  FRAME_SERVICE_REQUEST_COUNT: {
    severity: 'AE',
    fi: 'Siirtokehyksessä on oltava täsmälleen yksi palvelupyyntö.',
    sv: 'Överföringsramen ska innehålla exakt en tjänstebegäran.',
    en: 'The transfer frame must carry exactly one service request.',
  },
  FRAME_SERVICE_REQUEST_UNKNOWN: {
    severity: 'AE',
    fi: 'Tuntematon palvelupyyntö tälle sanomatyypille.',
    sv: 'Okänd tjänstebegäran för denna meddelandetyp.',
    en: 'Unknown service request for this interaction.',
  },
  FRAME_MIME_INVALID: {
    severity: 'AE',
    fi: 'Siirtokehyksen MIME-paketti on virheellinen.',
    sv: 'MIME-paketet i överföringsramen är felaktigt.',
    en: 'The MIME package in the transfer frame is invalid.',
  },
  FRAME_MIME_DOCUMENT_AMBIGUOUS: {
    severity: 'AE',
    fi: 'MIME-paketissa on useampi osa asiakirjan Content-ID:llä.',
    sv: 'MIME-paketet har flera delar med dokumentets Content-ID.',
    en: "The MIME package has more than one part with the document's Content-ID.",
  },
  FRAME_MIME_HEADER_LINE_INVALID: {
    severity: 'W',
    fi: 'MIME-otsakerivillä ei ole kaksoispistettä; rivi ohitettiin (RFC 5322).',
    sv: 'En MIME-huvudrad saknar kolon; raden ignorerades (RFC 5322).',
    en: 'A MIME header line has no colon; the line was ignored (RFC 5322).',
  },
  FRAME_MIME_HEADERS_MISSING: {
    severity: 'W',
    fi: 'MIME-paketista puuttuvat otsakkeet; se luettiin siirtokehyksen ilmoittamana multipart/related-tyyppinä ja raja luettiin ensimmäiseltä ---alkuiselta riviltä.',
    sv: 'MIME-paketet saknar huvudfält; det lästes som multipart/related, den medietyp överföringsramen anger, och gränsen lästes från första raden som börjar med --.',
    en: 'The MIME package has no header section; it was read as multipart/related, the media type the frame gives, with the boundary from the first line starting with --.',
  },
  FRAME_MIME_BOUNDARY_FROM_DELIMITER: {
    severity: 'W',
    fi: 'MIME-paketin Content-Type-otsakkeesta puuttuu boundary-parametri; raja luettiin ensimmäiseltä ---alkuiselta riviltä.',
    sv: 'Content-Type i MIME-paketet saknar boundary-parameter; gränsen lästes från första raden som börjar med --.',
    en: 'The Content-Type of the MIME package has no boundary parameter; the boundary was read from the first line starting with --.',
  },
  FRAME_MIME_CLOSING_DELIMITER_MISSING: {
    severity: 'W',
    fi: 'MIME-paketin loppuraja puuttuu; viimeinen osa luettiin tekstin loppuun.',
    sv: 'MIME-paketets slutgräns saknas; sista delen lästes till textens slut.',
    en: 'The closing delimiter of the MIME package is missing; the last part was read to the end of the text.',
  },
  FRAME_MIME_NOT_RELATED: {
    severity: 'W',
    fi: 'MIME-paketin tyyppi on muu multipart kuin multipart/related.',
    sv: 'MIME-paketets typ är en annan multipart än multipart/related.',
    en: 'The MIME package is a multipart other than multipart/related.',
  },
  FRAME_MIME_CONTENT_ID_FORM: {
    severity: 'W',
    fi: 'Asiakirjaosan Content-ID ei ole kulmasulkeissa (RFC 2045).',
    sv: 'Dokumentdelens Content-ID står inte inom vinkelparenteser (RFC 2045).',
    en: "The document part's Content-ID is not in angle brackets (RFC 2045).",
  },
  FRAME_MIME_DOCUMENT_MISSING: {
    severity: 'AE',
    fi: 'MIME-paketista puuttuu asiakirjan osa (Content-ID = asiakirjan OID).',
    sv: 'MIME-paketet saknar dokumentdelen (Content-ID = dokumentets OID).',
    en: 'The MIME package has no document part (Content-ID = document OID).',
  },
  FRAME_DOCUMENT_ID_MISMATCH: {
    severity: 'AE',
    fi: 'Siirtokehyksen asiakirjan tunniste ei vastaa asiakirjaa.',
    sv: 'Dokumentidentifieraren i överföringsramen motsvarar inte dokumentet.',
    en: 'The document id in the transfer frame does not match the document.',
  },
  FRAME_SETID_MISMATCH: {
    severity: 'AE',
    fi: 'Siirtokehyksen setId ei vastaa asiakirjaa.',
    sv: 'setId i överföringsramen motsvarar inte dokumentet.',
    en: 'The setId in the transfer frame does not match the document.',
  },
  FRAME_VERSION_MISMATCH: {
    severity: 'AE',
    fi: 'Siirtokehyksen versionumero ei vastaa asiakirjaa.',
    sv: 'Versionsnumret i överföringsramen motsvarar inte dokumentet.',
    en: 'The versionNumber in the transfer frame does not match the document.',
  },
  FRAME_CLIENT_MISMATCH: {
    severity: 'AE',
    fi: 'Siirtokehyksen asiakas ei vastaa asiakirjan asiakasta.',
    sv: 'Klienten i överföringsramen motsvarar inte dokumentets klient.',
    en: 'The client in the transfer frame does not match the client of the document.',
  },
  FRAME_CUSTODIAN_MISMATCH: {
    severity: 'AE',
    fi: 'Siirtokehyksen rekisterinpitäjä ei vastaa asiakirjan rekisterinpitäjää.',
    sv: 'Registeransvarig i överföringsramen motsvarar inte dokumentets registeransvarige.',
    en: 'The register keeper (custodian) in the transfer frame does not match the document.',
  },
  FRAME_DOCUMENT_GROUP_MISMATCH: {
    severity: 'AE',
    fi: 'Asiakirjaryhmä ei sovi palvelupyyntöön (SP1 = asiakkuusasiakirja, SP17 = asiakasasiakirja).',
    sv: 'Dokumentgruppen passar inte tjänstebegäran (SP1 = klientrelationsdokument, SP17 = klientdokument).',
    en: 'The document group does not fit the service request (SP1 = client-relationship document, SP17 = client document).',
  },
});

import { defineRules } from '../rule.js';

/** Rules about the bytes on the wire: XML safety, SOAP, the TLS identity. Mostly wrapper-level (AR). */
export const WIRE_RULES = defineRules({
  WIRE_XML_MALFORMED: {
    severity: 'AR',
    fi: 'Sanoma ei ole hyvin muodostettua XML:ää.',
    sv: 'Meddelandet är inte välformad XML.',
    en: 'The message is not well-formed XML.',
  },
  WIRE_XML_DOCTYPE_FORBIDDEN: {
    severity: 'AR',
    fi: 'DOCTYPE-määrittelyt ja entiteetit on kielletty.',
    sv: 'DOCTYPE-deklarationer och entiteter är förbjudna.',
    en: 'DOCTYPE declarations and entities are not allowed.',
  },
  WIRE_XML_NAMESPACE_INVALID: {
    severity: 'AR',
    fi: 'XML ei noudata nimiavaruussääntöjä (Namespaces in XML): varattu etuliite uudelleen sidottu, sitomaton tai tyhjäksi määritelty etuliite tai sama attribuutti kahdesti.',
    sv: 'XML följer inte namnrymdsreglerna (Namespaces in XML): reserverat prefix ombundet, obundet eller tomdeklarerat prefix eller samma attribut två gånger.',
    en: 'The XML breaks Namespaces in XML: a reserved prefix rebound, a prefix unbound or undeclared, or the same attribute twice after namespace expansion.',
  },
  WIRE_XML_ENCODING_UNSUPPORTED: {
    severity: 'AR',
    fi: 'XML:n merkistökoodausta ei tueta; käytä UTF-8:aa.',
    sv: 'XML-teckenkodningen stöds inte; använd UTF-8.',
    en: 'The character encoding of the XML is not supported; use UTF-8.',
  },
  WIRE_XML_ENCODING_MISMATCH: {
    severity: 'AR',
    fi: 'XML-esittelyn merkistökoodaus on ristiriidassa tavujärjestysmerkin tai tavujen kanssa.',
    sv: 'Teckenkodningen i XML-deklarationen motsäger byteordningsmärket eller byten.',
    en: 'The encoding in the XML declaration contradicts the byte order mark or the bytes.',
  },
  WIRE_XML_ENCODING_INVALID: {
    severity: 'AR',
    fi: 'XML:n tavut eivät ole kelvollisia ilmoitetussa merkistökoodauksessa.',
    sv: 'XML-byten är inte giltiga i den angivna teckenkodningen.',
    en: 'The bytes of the XML are not valid in its declared encoding.',
  },
  WIRE_XML_ENCODING_NOT_UTF8: {
    severity: 'W',
    fi: 'XML on luettu ilmoitetulla merkistökoodauksella, joka ei ole UTF-8.',
    sv: 'XML lästes med den angivna teckenkodningen, som inte är UTF-8.',
    en: 'The XML was read in its declared encoding, which is not UTF-8.',
  },
  WIRE_XML_TOO_LARGE: {
    severity: 'AR',
    fi: 'Sanoma ylittää sallitun koon.',
    sv: 'Meddelandet överskrider den tillåtna storleken.',
    en: 'The message exceeds the allowed size.',
  },
  WIRE_XML_TOO_DEEP: {
    severity: 'AR',
    fi: 'Sanoman XML-rakenne on liian syvä.',
    sv: 'Meddelandets XML-struktur är för djup.',
    en: 'The XML structure of the message is nested too deeply.',
  },
  WIRE_SOAP_INVALID: {
    severity: 'AR',
    fi: 'SOAP-kirjekuori on virheellinen.',
    sv: 'SOAP-kuvertet är felaktigt.',
    en: 'The SOAP envelope is invalid.',
  },
  WIRE_CONTENT_TYPE: {
    severity: 'AR',
    fi: 'Sisältötyyppi ei ole XML.',
    sv: 'Innehållstypen är inte XML.',
    en: 'The content type is not XML.',
  },
  TLS_CLIENT_CERT_MISSING: {
    severity: 'AR',
    fi: 'Asiakasvarmenne puuttuu TLS-yhteydeltä.',
    sv: 'Klientcertifikat saknas i TLS-förbindelsen.',
    en: 'The TLS connection presented no client certificate.',
  },
  TLS_CLIENT_CERT_UNTRUSTED: {
    severity: 'AR',
    fi: 'TLS-asiakasvarmenne ei ole luotetun varmentajan myöntämä.',
    sv: 'TLS-klientcertifikatet är inte utfärdat av en betrodd utfärdare.',
    en: 'The TLS client certificate was not issued by a trusted CA.',
  },
  TLS_CLIENT_UNKNOWN_ORG: {
    severity: 'AR',
    fi: 'TLS-asiakasvarmenteen organisaatiota ei ole rekisteröity.',
    sv: 'Organisationen i TLS-klientcertifikatet är inte registrerad.',
    en: 'The organisation of the TLS client certificate is not registered.',
  },
});

import { defineRules } from '../rule.js';

/** Rules of the Kanta signature profile (SHA-SPEC section 5). */
export const SIGNATURE_RULES = defineRules({
  SIG_MISSING: {
    severity: 'AE',
    fi: 'Asiakirjasta puuttuu allekirjoitus.',
    sv: 'Dokumentet saknar signatur.',
    en: 'The document carries no signature.',
  },
  SIG_PLACEMENT: {
    severity: 'AE',
    fi: 'Allekirjoitus ei ole profiilin mukaisessa paikassa (signatureCollection/signature).',
    sv: 'Signaturen ligger inte där profilen anger (signatureCollection/signature).',
    en: 'A signature is not where the profile puts it (signatureCollection/signature).',
  },
  SIG_REFERENCE_INVALID: {
    severity: 'AE',
    fi: 'Allekirjoituksen viittausten on oltava täsmälleen asiakirjan runko ja oma aikaleima.',
    sv: 'Signaturens referenser ska vara exakt dokumentets kropp och dess egen tidsstämpel.',
    en: 'The signature must reference exactly the body of this document and its own timestamp.',
  },
  SIG_BODY_ID_INVALID: {
    severity: 'AE',
    fi: 'Allekirjoitetun rungon on oltava yksikäsitteinen ja sen ID:n oltava OID + asiakirjan tunniste.',
    sv: 'Den signerade kroppen ska vara entydig och dess ID ska vara OID + dokumentets identifierare.',
    en: 'The signed body must be unique and its ID must be OID + the document id.',
  },
  SIG_ALGORITHM_NOT_ALLOWED: {
    severity: 'AE',
    fi: 'Allekirjoituksessa käytetty algoritmi ei ole sallittu.',
    sv: 'En algoritm som används i signaturen är inte tillåten.',
    en: 'An algorithm used in the signature is not allowed.',
  },
  SIG_DIGEST_MISMATCH: {
    severity: 'AE',
    fi: 'Allekirjoitetun sisällön tiiviste ei täsmää: sisältö on muuttunut allekirjoituksen jälkeen.',
    sv: 'Hashvärdet för det signerade innehållet stämmer inte: innehållet har ändrats efter signeringen.',
    en: 'A digest does not match: the signed content changed after signing.',
  },
  SIG_VALUE_INVALID: {
    severity: 'AE',
    fi: 'Allekirjoitusarvo ei täsmää varmenteen julkiseen avaimeen.',
    sv: 'Signaturvärdet stämmer inte med certifikatets publika nyckel.',
    en: "The signature value does not verify with the certificate's public key.",
  },
  SIG_CERT_MISSING: {
    severity: 'AE',
    fi: 'Allekirjoituksesta puuttuu allekirjoittajan varmenne (KeyInfo/X509Certificate).',
    sv: 'Signaturen saknar undertecknarens certifikat (KeyInfo/X509Certificate).',
    en: 'The signature carries no signer certificate (KeyInfo/X509Certificate).',
  },
  SIG_CERT_INVALID: {
    severity: 'AE',
    fi: 'Allekirjoittajan varmennetta ei voi lukea.',
    sv: 'Undertecknarens certifikat kan inte läsas.',
    en: 'The signer certificate cannot be read.',
  },
  SIG_CERT_UNTRUSTED: {
    severity: 'AE',
    fi: 'Allekirjoittajan varmenne ei ketjudu luotettuun varmentajaan.',
    sv: 'Undertecknarens certifikat kedjar inte till en betrodd utfärdare.',
    en: 'The signer certificate does not chain to a trusted CA.',
  },
  SIG_CERT_UNTRUSTED_ACCEPTED: {
    severity: 'W',
    fi: 'Varmenne ei ketjudu luotettuun varmentajaan; hyväksytty sallivassa luottamustilassa.',
    sv: 'Certifikatet kedjar inte till en betrodd utfärdare; godkänt i tillåtande förtroendeläge.',
    en: 'The certificate does not chain to a trusted CA; accepted in lenient trust mode.',
  },
  SIG_CERT_NOT_VALID_AT_SIGNING: {
    severity: 'AE',
    fi: 'Allekirjoittajan varmenne ei ollut voimassa allekirjoitushetkellä.',
    sv: 'Undertecknarens certifikat var inte giltigt vid signeringen.',
    en: 'The signer certificate was not valid at signing time.',
  },
  SIG_CERT_KEY_USAGE: {
    severity: 'AE',
    fi: 'Varmenteen käyttötarkoitus ei sovi allekirjoituksen tyyppiin.',
    sv: 'Certifikatets nyckelanvändning passar inte signaturtypen.',
    en: 'The key usage of the certificate does not fit the signature type.',
  },
  SIG_SYSTEM_OID_MISMATCH: {
    severity: 'AE',
    fi: 'Järjestelmäallekirjoituksen varmenteen OID ei vastaa lähettäjää eikä rekisterinpitäjää.',
    sv: 'OID i systemsignaturens certifikat motsvarar varken avsändaren eller registeransvarig.',
    en: 'The OID of the system signature certificate matches neither the sender nor the register keeper.',
  },
  SIG_PROFESSIONAL_MISMATCH: {
    severity: 'AE',
    fi: 'Ammattihenkilön varmenteen rekisteröintinumero ei vastaa asiakirjan allekirjoittajaa.',
    sv: 'Registreringsnumret i yrkespersonens certifikat motsvarar inte dokumentets undertecknare.',
    en: "The professional certificate's registration number does not match the signer named in the header.",
  },
  SIG_TIMESTAMP_INVALID: {
    severity: 'AE',
    fi: 'Allekirjoituksen aikaleima puuttuu tai on virheellinen.',
    sv: 'Signaturens tidsstämpel saknas eller är felaktig.',
    en: 'The signature timestamp is missing or invalid.',
  },
  SIG_TYPE_UNKNOWN: {
    severity: 'AE',
    fi: 'Allekirjoituksen tyyppi (signatureDescription) on tuntematon.',
    sv: 'Signaturtypen (signatureDescription) är okänd.',
    en: 'The signature type (signatureDescription) is unknown.',
  },
  SIG_STRUCTURE_INVALID: {
    severity: 'AE',
    fi: 'Allekirjoituksen (ds:Signature) rakenne ei vastaa profiilia.',
    sv: 'Signaturens (ds:Signature) struktur motsvarar inte profilen.',
    en: 'The ds:Signature element does not have the structure the profile requires.',
  },
});

/**
 * The CDA document's bytes to a DOM, with the archive's XML limits: one place says how a CDA is read and
 * which rule a malformed one breaks, for the archive's reader and the SHARK validation service alike.
 */
import { RULES } from '../rules/catalogue.js';
import type { XmlLimits } from '../xml/limits.js';
import { readXml, type ReadXml } from '../xml/read-xml.js';

/** Reads a CDA document; a malformed one is CDA_MALFORMED at /ClinicalDocument. */
export function readCdaXml(bytes: Buffer | string, limits: XmlLimits): ReadXml {
  return readXml(bytes, {
    limits,
    what: 'the CDA document',
    location: '/ClinicalDocument',
    malformed: RULES.CDA_MALFORMED,
  });
}

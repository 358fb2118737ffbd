/**
 * The HL7 V3 transmission wrapper every message of the Kanta interface starts with (SHA-SPEC section 3):
 * id, creationTime, interactionId, processing codes and the receiver and sender devices. Requests (the
 * archive frame, queries) carry versionCode V3-2006 and ask for an acknowledgement on error (ER); answers
 * (acknowledgements, query responses) carry none and ask for none (NE). Also the two pieces answers share:
 * an instance id that may be unknown, and one acknowledgementDetail per rule violation.
 */
import { formatHl7Time } from '../hl7/time.js';
import { ID_ROOTS } from '../codes/code-systems.js';
import type { RuleViolation } from '../rules/rule.js';
import type { InstanceId } from './archive-frame.js';
import { el, textEl, type XmlElement } from '../xml/xml-writer.js';

export interface TransmissionWrapper {
  readonly interactionId: string;
  readonly messageId: InstanceId | undefined;
  readonly creationTime: Date;
  /** 'V3-2006' on requests; answers carry no versionCode. */
  readonly versionCode?: string;
  readonly processingCode: string;
  readonly acceptAckCode: 'ER' | 'NE';
  readonly receiverOid: string | undefined;
  readonly senderOid: string | undefined;
}

/** The wrapper's elements, in schema order, to open the message element with. */
export function transmissionWrapper(w: TransmissionWrapper): XmlElement[] {
  return [
    instanceId('id', w.messageId),
    el('creationTime', { value: formatHl7Time(w.creationTime, 'UTC') }),
    w.versionCode === undefined ? undefined : el('versionCode', { code: w.versionCode }),
    el('interactionId', { root: ID_ROOTS.HL7_INTERACTION, extension: w.interactionId }),
    el('processingCode', { code: w.processingCode }),
    el('processingModeCode', { code: 'T' }),
    el('acceptAckCode', { code: w.acceptAckCode }),
    device('receiver', 'RCV', w.receiverOid),
    device('sender', 'SND', w.senderOid),
  ].filter((e): e is XmlElement => e !== undefined);
}

/** An II element; nullFlavor UNK when the id is not known (e.g. of a message that could not be read). */
export function instanceId(name: string, id: InstanceId | undefined): XmlElement {
  return id === undefined
    ? el(name, { nullFlavor: 'UNK' })
    : el(name, { root: id.root, extension: id.extension });
}

/** One acknowledgementDetail: the rule code in kanta-sim's rule code system, the texts, the location. */
export function acknowledgementDetail(v: RuleViolation, typeCode: 'E' | 'W'): XmlElement {
  return el(
    'acknowledgementDetail',
    { typeCode },
    el('code', {
      code: v.rule.code,
      codeSystem: ID_ROOTS.KANTA_SIM_RULES,
      codeSystemName: 'kanta-sim rules',
    }),
    textEl('text', detailText(v)),
    textEl('location', v.location),
  );
}

/** The text of one detail: "fi: … | en: … | detail: …". */
export function detailText(v: RuleViolation): string {
  const parts = [`fi: ${v.rule.fi}`, `en: ${v.rule.en}`];
  if (v.detail !== undefined && v.detail !== '') {
    parts.push(`detail: ${v.detail}`);
  }
  return parts.join(' | ');
}

function device(name: string, typeCode: string, oid: string | undefined): XmlElement {
  return el(
    name,
    { typeCode },
    el(
      'device',
      { classCode: 'DEV', determinerCode: 'INSTANCE' },
      oid === undefined ? el('id', { nullFlavor: 'UNK' }) : el('id', { root: oid }),
    ),
  );
}

/**
 * Validators of the transfer frame (SHA-SPEC section 3), in the order the archive applies them:
 * checkWrapper (AR: is this message for us, from whom the TLS layer says), validateFrame (AE: the parts the
 * operation needs, exactly one known service request), validateFrameAgainstDocument (AE: the metadata copy
 * agrees with the CDA it carries, and the document fits the operation).
 */
import { CDA_LOCATIONS } from '../cda/cda-locations.js';
import type { SocialDocument } from '../cda/social-document.js';
import { ID_ROOTS } from '../codes/code-systems.js';
import type { Operation, OperationTable } from '../codes/operations.js';
import type { ArchiveFrame } from './archive-frame.js';
import { RULES } from '../rules/catalogue.js';
import { violation, type RuleViolation } from '../rules/rule.js';

/** XPaths in the frame, relative to its root element. */
function at(frame: ArchiveFrame, path: string): string {
  return `/${frame.rootName}${path}`;
}

const DOC = '/controlActProcess/subject/clinicalDocument';
const FRAME_STATUS_CODES = new Set(['completed', 'nullified']);

export interface WrapperContext {
  /**
   * The OIDs of the TLS client (its organisation's and its service units'): the sender must be one of them
   * or an OID under one of their arcs. Empty = not checked (e.g. the validation service).
   */
  readonly tlsOrganisationOids: readonly string[];
  readonly operations: OperationTable;
}

/** The wrapper-level checks whose failure is an AR: unknown interaction, wrong receiver, wrong sender. */
export function checkWrapper(frame: ArchiveFrame, ctx: WrapperContext): RuleViolation[] {
  const out: RuleViolation[] = [];
  const known = ctx.operations.interactions();
  if (frame.interactionId === undefined || !known.has(frame.interactionId)) {
    out.push(
      violation(
        RULES.FRAME_INTERACTION_UNKNOWN,
        at(frame, '/interactionId/@extension'),
        `interactionId ${frame.interactionId ?? '(missing)'}; known: ${[...known].join(', ')}`,
      ),
    );
  } else if (frame.interactionId !== frame.rootName) {
    out.push(
      violation(
        RULES.FRAME_INTERACTION_UNKNOWN,
        at(frame, '/interactionId/@extension'),
        `interactionId ${frame.interactionId} does not name the message element ${frame.rootName}`,
      ),
    );
  }
  if (frame.receiverOid !== ID_ROOTS.ARCHIVE_DEVICE) {
    out.push(
      violation(
        RULES.FRAME_RECEIVER_MISMATCH,
        at(frame, '/receiver/device/id/@root'),
        `receiver is ${frame.receiverOid ?? '(missing)'}, expected ${ID_ROOTS.ARCHIVE_DEVICE}`,
      ),
    );
  }
  if (ctx.tlsOrganisationOids.length > 0) {
    const sender = frame.senderOid;
    const belongs =
      sender !== undefined &&
      ctx.tlsOrganisationOids.some((org) => sender === org || sender.startsWith(`${org}.`));
    if (!belongs) {
      out.push(
        violation(
          RULES.FRAME_SENDER_MISMATCH,
          at(frame, '/sender/device/id/@root'),
          `sender is ${sender ?? '(missing)'}; the TLS certificate identifies ${ctx.tlsOrganisationOids.join(', ')}`,
        ),
      );
    }
  }
  return out;
}

/** The frame's own parts: wrapper fields, exactly one known service request, the document copy if needed. */
export function validateFrame(frame: ArchiveFrame, operations: OperationTable): RuleViolation[] {
  const out: RuleViolation[] = [];
  const missing = (path: string, what: string): void => {
    out.push(violation(RULES.FRAME_REQUIRED_MISSING, at(frame, path), `${what} is missing`));
  };
  if (!frame.messageId) {
    missing('/id/@root', 'the message id');
  }
  if (frame.creationTime === undefined) {
    missing('/creationTime/@value', 'creationTime');
  }
  if (frame.senderOid === undefined) {
    missing('/sender/device/id/@root', 'the sender device id');
  }
  const requests = frame.serviceRequests;
  let operation: Operation | undefined;
  if (requests.length !== 1) {
    out.push(
      violation(
        RULES.FRAME_SERVICE_REQUEST_COUNT,
        at(frame, '/controlActProcess/reasonCode'),
        `found ${requests.length} reasonCodes in code system 1.2.246.537.6.1503.201601 (${requests.map((r) => r.code).join(', ') || 'none'})`,
      ),
    );
  } else if (frame.interactionId !== undefined) {
    const code = requests[0]?.code ?? '';
    operation = operations.resolve(frame.interactionId, code);
    if (!operation) {
      out.push(
        violation(
          RULES.FRAME_SERVICE_REQUEST_UNKNOWN,
          at(frame, '/controlActProcess/reasonCode/@code'),
          `service request ${code} is not known for interaction ${frame.interactionId}`,
        ),
      );
    }
  }
  if (operation?.carriesDocument) {
    out.push(...validateDocumentCopy(frame));
  }
  return out;
}

function validateDocumentCopy(frame: ArchiveFrame): RuleViolation[] {
  const out: RuleViolation[] = [];
  const d = frame.document;
  if (!d) {
    return [violation(RULES.FRAME_REQUIRED_MISSING, at(frame, DOC), 'subject/clinicalDocument is missing')];
  }
  const required: Array<[string, string, unknown]> = [
    ['/id/@root', 'the document id', d.id],
    ['/setId/@root', 'setId', d.setId],
    ['/versionNumber/@value', 'versionNumber', d.versionNumber],
    ['/recordTarget/patient/id[@root="1.2.246.21"]/@extension', "the client's hetu", d.hetu],
    ['/custodian/assignedCustodian/representedOrganization/id/@root', 'the custodian', d.custodianOid],
    ['/text', 'the text element carrying the MIME package', d.textMediaType ?? d.text],
  ];
  for (const [path, what, value] of required) {
    if (value === undefined) {
      out.push(violation(RULES.FRAME_REQUIRED_MISSING, at(frame, DOC + path), `${what} is missing`));
    }
  }
  if (d.versionNumber !== undefined && (!Number.isInteger(d.versionNumber) || d.versionNumber < 1)) {
    out.push(
      violation(
        RULES.FRAME_VALUE_INVALID,
        at(frame, `${DOC}/versionNumber/@value`),
        'versionNumber must be an integer >= 1',
      ),
    );
  }
  if (d.statusCode !== undefined && !FRAME_STATUS_CODES.has(d.statusCode.toLowerCase())) {
    out.push(
      violation(
        RULES.FRAME_VALUE_INVALID,
        at(frame, `${DOC}/statusCode/@code`),
        `statusCode ${d.statusCode}; expected COMPLETED or nullified`,
      ),
    );
  }
  if (d.textMediaType !== undefined || d.text !== undefined) {
    if (d.textMediaType !== 'multipart/related') {
      out.push(
        violation(
          RULES.FRAME_MIME_INVALID,
          at(frame, `${DOC}/text/@mediaType`),
          `mediaType is ${d.textMediaType ?? '(missing)'}, expected multipart/related`,
        ),
      );
    } else if (!d.text) {
      out.push(
        violation(
          RULES.FRAME_MIME_INVALID,
          at(frame, `${DOC}/text`),
          'the text element holds no MIME package (empty, or elements instead of text)',
        ),
      );
    }
  }
  return out;
}

/** The metadata copy against the CDA it carries, and the document group against the operation. */
export function validateFrameAgainstDocument(
  frame: ArchiveFrame,
  doc: SocialDocument,
  operation?: Operation,
): RuleViolation[] {
  const out: RuleViolation[] = [];
  const d = frame.document;
  if (d) {
    const pairs = [
      [RULES.FRAME_DOCUMENT_ID_MISMATCH, '/id/@root', d.id, doc.id],
      [RULES.FRAME_SETID_MISMATCH, '/setId/@root', d.setId, doc.setId],
      [RULES.FRAME_VERSION_MISMATCH, '/versionNumber/@value', d.versionNumber, doc.versionNumber],
      [
        RULES.FRAME_CLIENT_MISMATCH,
        '/recordTarget/patient/id[@root="1.2.246.21"]/@extension',
        d.hetu,
        doc.client.hetu,
      ],
      [
        RULES.FRAME_CUSTODIAN_MISMATCH,
        '/custodian/assignedCustodian/representedOrganization/id/@root',
        d.custodianOid,
        doc.custodian.oid,
      ],
    ] as const;
    for (const [rule, path, inFrame, inDoc] of pairs) {
      if (inFrame !== undefined && inFrame !== inDoc) {
        out.push(
          violation(
            rule,
            at(frame, DOC + path),
            `frame has ${String(inFrame)}, the document has ${String(inDoc)}`,
          ),
        );
      }
    }
  }
  const groups = operation?.documentGroups;
  if (operation && groups) {
    const group = doc.header.documentGroup?.code;
    if (group === undefined || !groups.includes(group)) {
      out.push(
        violation(
          RULES.FRAME_DOCUMENT_GROUP_MISMATCH,
          CDA_LOCATIONS.documentGroup,
          `service request ${operation.serviceRequest} (${operation.operation}) takes documentGroup ${groups.join(' or ')}, the document has ${group ?? '(none)'}`,
        ),
      );
    }
  }
  return out;
}

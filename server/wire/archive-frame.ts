/**
 * The typed form of an HL7 V3 transfer frame (SHA-SPEC section 3). Built by parse-frame.ts at the edge.
 */
import type { CodedValue } from '../cda/social-document.js';

/** How the message arrived, so that the answer can be given in the same style. */
export type EnvelopeStyle = 'bare' | 'soap11' | 'soap12';

export interface InstanceId {
  readonly root: string;
  readonly extension?: string;
}

/** subject/clinicalDocument: the frame's metadata copy of the CDA header. */
export interface FrameDocumentCopy {
  readonly id?: string;
  readonly setId?: string;
  readonly versionNumber?: number;
  /** statusCode/@code: e.g. COMPLETED, or nullified for an invalidation. */
  readonly statusCode?: string;
  /** code: in the real frames the register type (1.2.246.537.6.1264.201701), not the document type. */
  readonly code?: CodedValue;
  readonly effectiveTime?: string;
  readonly confidentialityCode?: CodedValue;
  readonly hetu?: string;
  readonly custodianOid?: string;
  /** text/@mediaType, and the text content (the MIME package). */
  readonly textMediaType?: string;
  readonly text?: string;
}

export interface ArchiveFrame {
  /** Local name of the root element (e.g. RCMR_IN200002FI01). */
  readonly rootName: string;
  readonly messageId?: InstanceId;
  readonly creationTime?: string;
  readonly interactionId?: string;
  /** processingCode/@code (D, P, T): echoed in the acknowledgement. */
  readonly processingCode?: string;
  readonly receiverOid?: string;
  readonly senderOid?: string;
  /** reasonCodes in the service-request code system 1.2.246.537.6.1503.201601. */
  readonly serviceRequests: readonly CodedValue[];
  /** reasonCode in 1.2.246.537.6.1289.201901 (use situation). */
  readonly useSituation?: CodedValue;
  readonly performer?: {
    readonly typeCode?: string;
    readonly id?: string;
    readonly name?: string;
    readonly organisationOid?: string;
    readonly organisationName?: string;
  };
  readonly document?: FrameDocumentCopy;
}

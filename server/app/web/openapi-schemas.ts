/**
 * The component schemas of the control API's OpenAPI document (openapi.ts): the shapes of journal entries,
 * faults, documents and errors, kept apart from the paths so that each file stays readable.
 */
/** A reference to one of the schemas below. */
export const ref = (name: string): object => ({ $ref: `#/components/schemas/${name}` });

export const JOURNAL_FILTER = {
  type: 'object',
  additionalProperties: false,
  properties: {
    organisation: { type: 'string', description: 'sender OID (frame sender, else TLS serialNumber)' },
    interaction: { type: 'string', examples: ['RCMR_IN200002FI01'] },
    serviceRequest: { type: 'string', examples: ['SP17'] },
    result: { enum: ['AA', 'AE', 'AR', 'HTTP_503', 'SOAP_FAULT', 'DROPPED'] },
    rule: { type: 'string', description: 'a rule code among the failed rules or warnings' },
    correlationId: { type: 'string' },
    documentId: { type: 'string' },
    since: { type: 'string', format: 'date-time' },
    limit: { type: 'integer', minimum: 1 },
  },
};

export const DOCUMENT_FILTER = {
  type: 'object',
  additionalProperties: false,
  properties: {
    hetu: { type: 'string' },
    register: { type: 'string', description: 'register keeper (custodian) OID' },
    setId: { type: 'string' },
    status: { enum: ['active', 'invalidated'] },
    limit: { type: 'integer', minimum: 1, maximum: 10000 },
    offset: { type: 'integer', minimum: 0 },
  },
};

/** A reason of correction in a scenario: why a version replaces another or a set is invalidated. */
const SEED_REASON = {
  type: 'object',
  required: ['text'],
  properties: { code: { type: 'string' }, text: { type: 'string' } },
} as const;

/** One document entry of a scenario (docs/scenarios.md). */
const SEED_DOCUMENT = {
  type: 'object',
  required: ['template', 'organisation', 'hetu'],
  properties: {
    template: {
      enum: ['initiation', 'assessment', 'client-plan', 'decision', 'client-note', 'client-relationship'],
    },
    organisation: { type: 'string' },
    provider: { type: 'string' },
    unit: { type: 'string' },
    professional: { type: 'string' },
    hetu: { type: 'string' },
    key: { type: 'string' },
    case: { type: 'string' },
    id: { type: 'string' },
    caseId: { type: 'string' },
    date: { type: 'string', format: 'date-time' },
    serviceTask: { type: 'string' },
    replaces: { type: 'string' },
    reason: SEED_REASON,
    text: { type: 'object', additionalProperties: { type: 'string' } },
    providers: { type: 'array', items: { type: 'object', required: ['organisation', 'start'] } },
  },
} as const;

export const OPENAPI_SCHEMAS = Object.freeze({
  Error: {
    type: 'object',
    properties: {
      error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } },
    },
  },
  Health: {
    type: 'object',
    properties: {
      status: { enum: ['ready', 'starting', 'unavailable'] },
      ready: { type: 'boolean' },
      kantaInterface: { type: 'boolean' },
      webListener: { type: 'boolean' },
      database: {
        description:
          'true: reads and writes work; "read-only": writes fail (mount, permissions); false: unusable',
        anyOf: [{ type: 'boolean' }, { enum: ['read-only'] }],
      },
    },
  },
  Document: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      setId: { type: 'string' },
      versionNumber: { type: 'integer' },
      registerOid: { type: 'string' },
      senderOid: { type: 'string' },
      hetu: { type: 'string' },
      status: { enum: ['active', 'invalidated'] },
      serviceRequest: { type: 'string' },
      archivedAt: { type: 'string', format: 'date-time' },
      sha256: { type: 'string' },
    },
  },
  JournalEntry: {
    type: 'object',
    properties: {
      seq: { type: 'integer' },
      time: { type: 'string', format: 'date-time' },
      correlationId: { type: 'string' },
      tlsSubject: { type: 'string' },
      organisation: { type: 'string' },
      interaction: { type: 'string' },
      serviceRequest: { type: 'string' },
      documentId: { type: 'string' },
      messageId: { type: 'string' },
      result: JOURNAL_FILTER.properties.result,
      httpStatus: { type: 'integer' },
      rules: { type: 'array', items: { type: 'string' } },
      warnings: { type: 'array', items: { type: 'string' } },
      durationMs: { type: 'number' },
      fault: { type: 'object', properties: { id: { type: 'string' }, kind: { type: 'string' } } },
    },
  },
  FaultSpec: {
    type: 'object',
    required: ['kind'],
    additionalProperties: false,
    properties: {
      kind: { enum: ['ae', 'ar', 'http-503', 'soap-fault', 'delay', 'drop'] },
      rule: {
        type: 'string',
        description: 'ae/ar: rule code (default ARCHIVE_UNAVAILABLE / SIM_FAULT_REJECTED)',
      },
      detail: { type: 'string' },
      delayMs: { type: 'integer', minimum: 0, maximum: 120000 },
      operation: { type: 'string', examples: ['archive-client-document'] },
      serviceRequest: { type: 'string', examples: ['SP17'] },
      interaction: { type: 'string' },
      organisation: { type: 'string' },
      hetu: { type: 'string' },
      probability: { type: 'number', minimum: 0, maximum: 1 },
      times: { type: 'integer', minimum: 1 },
    },
  },
  Fault: {
    allOf: [
      ref('FaultSpec'),
      {
        type: 'object',
        properties: {
          id: { type: 'string' },
          created: { type: 'string', format: 'date-time' },
          hits: { type: 'integer' },
          remaining: { type: 'integer' },
        },
      },
    ],
  },
  Clock: {
    type: 'object',
    properties: {
      mode: { enum: ['real', 'fixed', 'offset'] },
      now: { type: 'string', format: 'date-time' },
      fixedAt: { type: 'string', format: 'date-time' },
      offsetMs: { type: 'number' },
    },
  },
  Snapshot: {
    type: 'object',
    properties: {
      name: { type: 'string' },
      created: { type: 'string' },
      tables: { type: 'integer' },
      rows: { type: 'integer' },
    },
  },
  Scenario: {
    type: 'object',
    properties: {
      organisations: { type: 'array', items: { type: 'object', required: ['oid', 'name'] } },
      professionals: { type: 'array', items: { type: 'object', required: ['regno', 'name'] } },
      archivists: { type: 'array', items: { type: 'object' } },
      identities: {
        type: 'array',
        items: { type: 'object', required: ['hetu', 'given', 'family', 'gender'] },
      },
      documents: { type: 'array', items: SEED_DOCUMENT },
      invalidations: {
        type: 'array',
        items: {
          type: 'object',
          required: ['document', 'reason'],
          properties: {
            document: { type: 'string' },
            reason: SEED_REASON,
            date: { type: 'string', format: 'date-time' },
            professional: { type: 'string' },
            key: { type: 'string' },
          },
        },
      },
      refusals: {
        type: 'array',
        items: {
          ...SEED_DOCUMENT,
          required: ['rule', 'template', 'organisation', 'hetu'],
          properties: { ...SEED_DOCUMENT.properties, rule: { type: 'string' } },
        },
      },
      description: {},
    },
  },
});

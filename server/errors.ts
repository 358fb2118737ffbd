/**
 * Errors outside the HL7 acknowledgement flow: HTTP JSON APIs, CLI and start-up. Each has a stable code;
 * low-level errors are translated at the boundary and kept as `cause`.
 */

export const ERROR_CODES = Object.freeze({
  PORT_IN_USE: { status: 500, message: 'The port is already in use' },
  CONFIG_INVALID: { status: 400, message: 'The configuration is invalid' },
  BAD_REQUEST: { status: 400, message: 'The request is invalid' },
  NOT_FOUND: { status: 404, message: 'Not found' },
  CONFLICT: { status: 409, message: 'Conflict' },
  FORBIDDEN: { status: 403, message: 'Forbidden' },
  UNAUTHORIZED: { status: 401, message: 'Sign-in required' },
  HOST_NOT_ALLOWED: {
    status: 403,
    message: 'The Host header is not a name of this listener (a DNS-rebinding guard; see --allowed-host)',
  },
  ORIGIN_NOT_ALLOWED: {
    status: 403,
    message: "A state-changing request from another origin is refused (the listener's own origin only)",
  },
  CONTROL_TOKEN_REQUIRED: {
    status: 401,
    message: 'The web listener is not on loopback: send Authorization: Bearer <control token>',
  },
  CONTROL_TOKEN_INVALID: { status: 403, message: 'The control token is wrong' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Unsupported content type' },
  SERVICE_UNAVAILABLE: { status: 503, message: 'The service is unavailable' },
  CERT_INVALID: { status: 400, message: 'The certificate is invalid' },
  ORG_EXISTS: { status: 409, message: 'The organisation already exists' },
  ORG_UNKNOWN: { status: 404, message: 'The organisation is not registered' },
  PRO_EXISTS: { status: 409, message: 'The professional already exists' },
  DATA_DIR_INVALID: { status: 500, message: 'The data directory cannot be used' },
  STORE_FAILED: { status: 503, message: 'The database could not complete the operation' },
  STORE_UNUSABLE: { status: 503, message: 'The database cannot be opened or written' },
  TEST_IDENTITY_ASSIGNED: {
    status: 409,
    message: 'The test identity is already assigned to another customer for this service',
  },
  TEST_CASE_UNKNOWN: { status: 404, message: 'No test case by that name' },
  REHEARSAL_UNKNOWN: { status: 404, message: 'No rehearsal with that id' },
  ONBOARDING_MISSING: { status: 404, message: 'The organisation has no onboarding record' },
  INTERNAL: { status: 500, message: 'Internal error' },
} as const);

export type ErrorCode = keyof typeof ERROR_CODES;

/** An error with a stable code, an HTTP status and, where it wraps a lower-level failure, its cause. */
export class KantaSimError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;

  constructor(code: ErrorCode, message?: string, options?: { cause?: unknown; details?: unknown }) {
    super(
      message ?? ERROR_CODES[code].message,
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = 'KantaSimError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.details = options?.details;
  }
}

export function isKantaSimError(e: unknown): e is KantaSimError {
  return e instanceof KantaSimError;
}

/**
 * The Kanta interface: POST /sha over mutual TLS. The route reads bytes and the peer certificate, the
 * archive service decides, and the answer is rendered as an HL7 acknowledgement in the caller's style.
 */
import type { X509Certificate } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type ErrorRequestHandler, type Request } from 'express';
import { refusal, type ExchangeOutcome } from '../../archive/archive-answer.js';
import type { ArchiveService } from '../../archive/archive-service.js';
import type { ExchangeIntervention, ExchangeRecord, InterventionLabel } from '../../archive/exchange.js';
import type { Logger } from '../../logger.js';
import { RULES } from '../../rules/catalogue.js';
import { violation } from '../../rules/rule.js';
import type { XmlLimits } from '../../xml/limits.js';
import { peerCertificate } from './peer-certificate.js';
import { isPlainBody, readBody } from './read-body.js';
import { renderAcknowledgement } from './render-acknowledgement.js';
import { createQueryRouter, type QueryRoutesDeps } from './query-routes.js';
import { renderQueryResponse } from './render-query-response.js';

export interface KantaAppDeps {
  readonly archive: ArchiveService;
  readonly logger: Logger;
  readonly limits: XmlLimits;
  readonly clock: () => Date;
  /** Called after every exchange (the journal listens here). */
  readonly onExchange?: (record: ExchangeRecord) => void;
  /** The JSON query API under /api/v1 (same mutual TLS identity as /sha). */
  readonly queries?: QueryRoutesDeps;
  /** Called before the archive sees a message (fault injection, sentinel identities). */
  readonly beforeExchange?: (probe: {
    readonly messageBytes: Buffer;
    readonly clientCertificate?: X509Certificate;
  }) => ExchangeIntervention | undefined;
}

/** The Kanta interface as a request listener for the TLS server (see server/app/listeners.ts). */
export type KantaListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Builds the Kanta interface; it never listens (see server/app/listeners.ts).
 *
 * POST /sha with a plain body is served without Express: Express's per-request machinery (its request
 * and response prototypes, the router, the body parser) cost ~0.09-0.1 ms of CPU per request in a
 * scratch comparison against a bare handler (issue 17, docs/performance.md), a twentieth of what the
 * server spends on a whole document. Everything else goes to the Express app: the query API, the 404
 * answer, and an archiving request with an encoded body (gzip, deflate), which express.raw inflates;
 * both paths end in the same exchange().
 */
export function createKantaApp(deps: KantaAppDeps): KantaListener {
  const app = express();
  app.disable('x-powered-by');
  // No cache validates an acknowledgement or a query answer, and hashing each body for an ETag cost the
  // main thread ~0.02 ms per archived document (issue 17).
  app.set('etag', false);
  app.post('/sha', express.raw({ type: () => true, limit: deps.limits.maxBytes }), (req, res, next) => {
    exchange(req, res, bodyOf(req), deps).catch(next);
  });
  if (deps.queries) {
    app.use('/api/v1', createQueryRouter(deps.queries));
  }
  app.use((req, res) => {
    res
      .status(404)
      .type('text/plain')
      .send(`kanta-sim: the archive interface is POST /sha (got ${req.method} ${req.path})\n`);
  });
  app.use(kantaErrorHandler(deps));
  return (req, res) => {
    if (req.method === 'POST' && pathOf(req.url) === '/sha' && isPlainBody(req)) {
      void servePlainPost(req, res, deps);
    } else {
      app(req, res);
    }
  };
}

/** POST /sha with a plain body: read it here, then the exchange; a failure is answered like Express's. */
async function servePlainPost(req: IncomingMessage, res: ServerResponse, deps: KantaAppDeps): Promise<void> {
  try {
    const body = await readBody(req, deps.limits.maxBytes);
    if (body.kind === 'too-large') {
      answerTooLarge(req, res, deps);
    } else if (body.kind === 'body') {
      await exchange(req, res, body.bytes, deps);
    }
  } catch (e) {
    answerInternalError(res, deps, e);
  }
}

/** One exchange on POST /sha: interventions, the archive's decision, the answer, the journal's record. */
async function exchange(
  req: IncomingMessage,
  res: ServerResponse,
  messageBytes: Buffer,
  deps: KantaAppDeps,
): Promise<void> {
  const startedAt = deps.clock();
  const started = process.hrtime.bigint();
  const cert = peerCertificate(req);
  const intervention = deps.beforeExchange?.({ messageBytes, clientCertificate: cert });
  if (intervention?.delayMs) {
    await new Promise((resolve) => setTimeout(resolve, intervention.delayMs));
  }
  if (intervention?.action) {
    intervene(req, res, intervention, deps, startedAt, started, cert);
    return;
  }
  const outcome = isXmlContentType(req.headers['content-type'])
    ? await deps.archive.handle({ messageBytes, clientCertificate: cert })
    : refusal(
        [violation(RULES.WIRE_CONTENT_TYPE, '/', `content type "${req.headers['content-type'] ?? ''}"`)],
        { style: 'bare' },
      );
  send(res, outcome, deps, startedAt, started, cert, intervention?.fault, correlationIdOf(req));
}

function send(
  res: ServerResponse,
  outcome: ExchangeOutcome,
  deps: KantaAppDeps,
  startedAt: Date,
  started: bigint,
  cert?: X509Certificate,
  fault?: InterventionLabel,
  correlationId: string = crypto.randomUUID(),
): void {
  const render = outcome.query ? renderQueryResponse : renderAcknowledgement;
  const { contentType, body } = render(outcome, deps.clock(), correlationId);
  writeAnswer(res, outcome.httpStatus, contentType, body, correlationId);
  report(deps, outcome, startedAt, started, correlationId, cert, fault);
}

/** Tells the exchange's listeners (the journal, the live feed, the rehearsal) what was answered. */
function report(
  deps: KantaAppDeps,
  outcome: ExchangeOutcome,
  startedAt: Date,
  started: bigint,
  correlationId: string,
  cert?: X509Certificate,
  fault?: InterventionLabel,
): void {
  deps.onExchange?.({
    outcome,
    startedAt,
    durationMs: Number(process.hrtime.bigint() - started) / 1e6,
    tlsSubject: cert?.subject.replace(/\n/g, ', '),
    correlationId,
    ...(fault ? { fault } : {}),
  });
}

/**
 * An answer as Express's res.send gave it: the body as UTF-8 with its length, the content type with
 * charset=utf-8, the correlation id.
 */
function writeAnswer(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  correlationId: string,
): void {
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, {
    'X-Correlation-Id': correlationId,
    'Content-Type': `${contentType.replace(/;\s*charset=[^;]*/i, '')}; charset=utf-8`,
    'Content-Length': bytes.length,
  });
  res.end(bytes);
}

/** Carries out an injected fault's action in place of the archive, and still reports the exchange. */
function intervene(
  req: IncomingMessage,
  res: ServerResponse,
  intervention: ExchangeIntervention,
  deps: KantaAppDeps,
  startedAt: Date,
  started: bigint,
  cert?: X509Certificate,
): void {
  const action = intervention.action;
  if (!action) {
    return;
  }
  const correlationId = correlationIdOf(req);
  if (action.kind === 'answer') {
    send(res, action.outcome, deps, startedAt, started, cert, intervention.fault, correlationId);
    return;
  }
  if (action.kind === 'http') {
    writeAnswer(res, action.status, action.contentType, action.body, correlationId);
  } else {
    req.socket.destroy();
  }
  report(deps, action.outcome, startedAt, started, correlationId, cert, intervention.fault);
}

/** A caller's own X-Correlation-Id is kept (so a test can find its exchange); otherwise a fresh UUID. */
function correlationIdOf(req: IncomingMessage): string {
  const given = req.headers['x-correlation-id'];
  return typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : crypto.randomUUID();
}

/** Errors before the service ran (body too large, aborted upload) still get an HL7 answer. */
function kantaErrorHandler(deps: KantaAppDeps): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    if ((err as { type?: string }).type === 'entity.too.large') {
      answerTooLarge(req, res, deps);
      return;
    }
    answerInternalError(res, deps, err);
  };
}

/** A message over the size limit: HTTP 413 with an AR naming the limit. */
function answerTooLarge(req: IncomingMessage, res: ServerResponse, deps: KantaAppDeps): void {
  const outcome = refusal(
    [violation(RULES.WIRE_XML_TOO_LARGE, '/', `larger than ${deps.limits.maxBytes} bytes`)],
    { style: 'bare', httpStatus: 413 },
  );
  send(res, outcome, deps, deps.clock(), process.hrtime.bigint(), peerCertificate(req));
}

/** Anything unforeseen: logged with its stack, answered without one. */
function answerInternalError(res: ServerResponse, deps: KantaAppDeps, err: unknown): void {
  deps.logger.error('unexpected error on the Kanta interface', err);
  if (!res.headersSent) {
    res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('kanta-sim: internal error\n');
  }
}

/** The path of a request target, without its query. */
function pathOf(url: string | undefined): string {
  const query = url?.indexOf('?') ?? -1;
  return query === -1 ? (url ?? '') : (url ?? '').slice(0, query);
}

function bodyOf(req: Request): Buffer {
  return Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
}

function isXmlContentType(value: string | undefined): boolean {
  return value === undefined || /xml/i.test(value);
}

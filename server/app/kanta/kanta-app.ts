/**
 * The Kanta interface: POST /sha over mutual TLS. The route reads bytes and the peer certificate, the
 * archive service decides, and the answer is rendered as an HL7 acknowledgement in the caller's style.
 */
import type { X509Certificate } from 'node:crypto';
import express, { type ErrorRequestHandler, type Express, type Request, type Response } from 'express';
import { refusal, type ExchangeOutcome } from '../../archive/archive-answer.js';
import type { ArchiveService } from '../../archive/archive-service.js';
import type { ExchangeIntervention, ExchangeRecord, InterventionLabel } from '../../archive/exchange.js';
import type { Logger } from '../../logger.js';
import { RULES } from '../../rules/catalogue.js';
import { violation } from '../../rules/rule.js';
import type { XmlLimits } from '../../xml/limits.js';
import { peerCertificate } from './peer-certificate.js';
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

/** Builds the Express app of the Kanta interface; it never listens (see server/app/listeners.ts). */
export function createKantaApp(deps: KantaAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // No cache validates an acknowledgement or a query answer, and hashing each body for an ETag cost the
  // main thread ~0.02 ms per archived document (issue 17).
  app.set('etag', false);
  app.post('/sha', express.raw({ type: () => true, limit: deps.limits.maxBytes }), async (req, res, next) => {
    const startedAt = deps.clock();
    const started = process.hrtime.bigint();
    try {
      const cert = peerCertificate(req);
      const intervention = deps.beforeExchange?.({ messageBytes: bodyOf(req), clientCertificate: cert });
      if (intervention?.delayMs) {
        await new Promise((resolve) => setTimeout(resolve, intervention.delayMs));
      }
      if (intervention?.action) {
        intervene(req, res, intervention, deps, startedAt, started, cert);
        return;
      }
      const outcome = isXmlContentType(req.headers['content-type'])
        ? await deps.archive.handle({ messageBytes: bodyOf(req), clientCertificate: cert })
        : refusal(
            [violation(RULES.WIRE_CONTENT_TYPE, '/', `content type "${req.headers['content-type'] ?? ''}"`)],
            { style: 'bare' },
          );
      send(res, outcome, deps, startedAt, started, cert, intervention?.fault, correlationIdOf(req));
    } catch (e) {
      next(e);
    }
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
  return app;
}

function send(
  res: Response,
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
  res.status(outcome.httpStatus).setHeader('X-Correlation-Id', correlationId).type(contentType).send(body);
  deps.onExchange?.({
    outcome,
    startedAt,
    durationMs: Number(process.hrtime.bigint() - started) / 1e6,
    tlsSubject: cert?.subject.replace(/\n/g, ', '),
    correlationId,
    ...(fault ? { fault } : {}),
  });
}

/** Carries out an injected fault's action in place of the archive, and still reports the exchange. */
function intervene(
  req: Request,
  res: Response,
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
    res.status(action.status).setHeader('X-Correlation-Id', correlationId).type(action.contentType);
    res.send(action.body);
  } else {
    req.socket.destroy();
  }
  deps.onExchange?.({
    outcome: action.outcome,
    startedAt,
    durationMs: Number(process.hrtime.bigint() - started) / 1e6,
    tlsSubject: cert?.subject.replace(/\n/g, ', '),
    correlationId,
    ...(intervention.fault ? { fault: intervention.fault } : {}),
  });
}

/** A caller's own X-Correlation-Id is kept (so a test can find its exchange); otherwise a fresh UUID. */
function correlationIdOf(req: Request): string {
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
    const type = (err as { type?: string }).type;
    if (type === 'entity.too.large') {
      const outcome = refusal(
        [violation(RULES.WIRE_XML_TOO_LARGE, '/', `larger than ${deps.limits.maxBytes} bytes`)],
        { style: 'bare', httpStatus: 413 },
      );
      send(res, outcome, deps, deps.clock(), process.hrtime.bigint(), peerCertificate(req));
      return;
    }
    deps.logger.error('unexpected error on the Kanta interface', err);
    res.status(500).type('text/plain').send('kanta-sim: internal error\n');
  };
}

function bodyOf(req: Request): Buffer {
  return Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
}

function isXmlContentType(value: string | undefined): boolean {
  return value === undefined || /xml/i.test(value);
}

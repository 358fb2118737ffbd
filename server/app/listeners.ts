/**
 * Listening: the only place that opens sockets. The Kanta interface is HTTPS with mutual TLS; client
 * certificates are requested but not enforced by the TLS layer, so that a missing or foreign certificate gets a
 * specific HL7 answer instead of an opaque handshake failure.
 */
import http, { type RequestListener } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { KantaSimError } from '../errors.js';
import { pinPeerCertificate } from './kanta/peer-certificate.js';

export interface TlsMaterial {
  readonly keyPem: string;
  readonly certPem: string;
  /** CAs whose client certificates the TLS layer asks for. */
  readonly clientCaPem: string;
}

export interface Listening {
  readonly server: http.Server;
  readonly port: number;
  close(): Promise<void>;
}

export function listenKanta(
  app: RequestListener,
  tls: TlsMaterial,
  host: string,
  port: number,
): Promise<Listening> {
  const server = https.createServer(
    {
      key: tls.keyPem,
      cert: tls.certPem,
      ca: tls.clientCaPem,
      requestCert: true,
      rejectUnauthorized: false,
      minVersion: 'TLSv1.2',
    },
    app,
  );
  server.on('secureConnection', pinPeerCertificate);
  return listen(server, host, port, 'Kanta interface');
}

export function listenWeb(app: RequestListener, host: string, port: number): Promise<Listening> {
  return listen(http.createServer(app), host, port, 'web listener');
}

function listen(server: http.Server, host: string, port: number, what: string): Promise<Listening> {
  // keep-alive clients (the benchmark, vendors' pools) reuse connections; idle ones are not held forever.
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      reject(
        err.code === 'EADDRINUSE'
          ? new KantaSimError('PORT_IN_USE', `${what}: ${host}:${port} is already in use`, { cause: err })
          : new KantaSimError('INTERNAL', `${what}: cannot listen on ${host}:${port}: ${err.message}`, {
              cause: err,
            }),
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve({
        server,
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/**
 * The client certificate of a mutual-TLS request, as an X509Certificate. Parsed once per connection, not
 * per request: parsing it cost ~0.4 ms of every archived document on a keep-alive connection
 * (docs/performance.md). The cached object is reused only while the connection presents the very same
 * DER bytes, so a renegotiated connection can never be judged by its earlier certificate.
 */
import { X509Certificate } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import type { Request } from 'express';

const byConnection = new WeakMap<TLSSocket, X509Certificate>();

export function peerCertificate(req: Request): X509Certificate | undefined {
  const socket = req.socket as TLSSocket;
  if (typeof socket.getPeerCertificate !== 'function') {
    return undefined;
  }
  const raw = socket.getPeerCertificate()?.raw;
  if (!raw) {
    return undefined;
  }
  const cached = byConnection.get(socket);
  if (cached?.raw.equals(raw)) {
    return cached;
  }
  const cert = new X509Certificate(raw);
  byConnection.set(socket, cert);
  return cert;
}

/**
 * The client certificate of a mutual-TLS request, as an X509Certificate. Parsed once per connection, not
 * per request: parsing it cost ~0.4 ms of every archived document on a keep-alive connection
 * (docs/performance.md).
 *
 * On the Kanta listener renegotiation is switched off for every connection (pinPeerCertificate), so a
 * connection's certificate is the one of its handshake and the cached object is returned without asking
 * the socket again (getPeerCertificate builds a whole object tree per call, ~0.1 ms). Elsewhere the cached
 * object is reused only while the connection presents the very same DER bytes, so a renegotiated
 * connection can never be judged by its earlier certificate.
 */
import { X509Certificate } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import type { IncomingMessage } from 'node:http';

const byConnection = new WeakMap<TLSSocket, X509Certificate>();
const pinned = new WeakSet<TLSSocket>();

/**
 * Refuses renegotiation on a new connection ([S]: a Java archive behind a modern TLS terminator offers
 * none, and TLS 1.3 has none), which fixes the client certificate for the connection's life.
 */
export function pinPeerCertificate(socket: TLSSocket): void {
  socket.disableRenegotiation();
  pinned.add(socket);
}

export function peerCertificate(req: IncomingMessage): X509Certificate | undefined {
  const socket = req.socket as TLSSocket;
  if (typeof socket.getPeerCertificate !== 'function') {
    return undefined;
  }
  const cached = byConnection.get(socket);
  if (cached && pinned.has(socket)) {
    return cached;
  }
  const raw = socket.getPeerCertificate()?.raw;
  if (!raw) {
    return undefined;
  }
  if (cached?.raw.equals(raw)) {
    return cached;
  }
  const cert = new X509Certificate(raw);
  byConnection.set(socket, cert);
  return cert;
}

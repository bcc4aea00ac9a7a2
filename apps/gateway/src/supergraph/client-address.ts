import type { Request } from 'express';

/**
 * The address the client connected from, for the per-address limits on signing in (ADR 023). With no
 * proxy in front (`trustedProxyHops` 0) it is the connection's own address and X-Forwarded-For is
 * ignored, since the client writes that header. Behind N trusted proxies it is the address the
 * outermost of them saw: the Nth entry from the right of X-Forwarded-For, the part the client could
 * not have written.
 */
export function clientAddress(
  request: Pick<Request, 'headers' | 'socket'>,
  trustedProxyHops: number,
): string | null {
  const connected = request.socket.remoteAddress ?? null;
  if (trustedProxyHops === 0) return connected;
  const header = request.headers['x-forwarded-for'];
  const chain = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return chain[chain.length - trustedProxyHops] ?? chain[0] ?? connected;
}

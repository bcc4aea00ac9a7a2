import { describe, expect, it } from '@jest/globals';
import type { Request } from 'express';
import { clientAddress } from './client-address.js';

function request(remoteAddress: string, forwardedFor?: string): Pick<Request, 'headers' | 'socket'> {
  return {
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
    socket: { remoteAddress } as Request['socket'],
  };
}

describe('clientAddress', () => {
  it('takes the connection address and ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(clientAddress(request('203.0.113.7', '10.0.0.1'), 0)).toBe('203.0.113.7');
  });

  it('behind trusted proxies, takes the entry the outermost proxy wrote, not what the client sent', () => {
    // The client claims 1.1.1.1; the load balancer appends the address it saw.
    expect(clientAddress(request('10.0.0.5', '1.1.1.1, 203.0.113.7'), 1)).toBe('203.0.113.7');
    expect(clientAddress(request('10.0.0.5', '1.1.1.1, 203.0.113.7, 10.0.0.9'), 2)).toBe('203.0.113.7');
  });

  it('falls back to the oldest entry, then the connection, when the chain is shorter than expected', () => {
    expect(clientAddress(request('10.0.0.5', '203.0.113.7'), 2)).toBe('203.0.113.7');
    expect(clientAddress(request('10.0.0.5'), 1)).toBe('10.0.0.5');
  });
});

import { Controller, Get, Header } from '@nestjs/common';
import type { JSONWebKeySet } from 'jose';
import { SigningKeyStore } from './signing-key.store.js';

/** The public keys gateways and subgraphs verify access tokens with (RFC 7517 key set). */
@Controller('.well-known')
export class JwksController {
  constructor(private readonly keys: SigningKeyStore) {}

  @Get('jwks.json')
  @Header('Cache-Control', 'public, max-age=300')
  jwks(): JSONWebKeySet {
    return this.keys.publishedKeySet();
  }
}

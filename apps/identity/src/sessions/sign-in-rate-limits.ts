import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PostgresRateWindow, type RateWindowDecision } from '@passage/shared';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/index.js';
import { RateLimitedError } from './session.errors.js';

/**
 * Request limits on signing in (which includes the second factor) and refreshing, per client address and
 * per account address, kept in this database so every instance counts together and a restart forgets
 * nothing. They come before, and on top of, each account's lockout: the lockout stops guessing one
 * password; these stop one address trying many accounts and one account being tried from many places.
 * The account key is the address typed, known or not, so answers do not reveal which accounts exist.
 */
@Injectable()
export class SignInRateLimits {
  private readonly signInsByAddress: PostgresRateWindow;
  private readonly signInsByAccount: PostgresRateWindow;
  private readonly refreshesByAddress: PostgresRateWindow;

  constructor(@InjectDataSource() dataSource: DataSource, @Inject(IDENTITY_CONFIG) config: IdentityConfig) {
    const windowSeconds = config.RATE_LIMIT_WINDOW_SECONDS;
    this.signInsByAddress = new PostgresRateWindow(dataSource, 'sign-in-by-address', {
      limit: config.SIGN_IN_LIMIT_PER_ADDRESS,
      windowSeconds,
    });
    this.signInsByAccount = new PostgresRateWindow(dataSource, 'sign-in-by-account', {
      limit: config.SIGN_IN_LIMIT_PER_ACCOUNT,
      windowSeconds,
    });
    this.refreshesByAddress = new PostgresRateWindow(dataSource, 'refresh-by-address', {
      limit: config.REFRESH_LIMIT_PER_ADDRESS,
      windowSeconds,
    });
  }

  /** @throws RateLimitedError when the client's address or the account has used up its window. */
  async admitSignIn(clientAddress: string | null, email: string): Promise<void> {
    if (clientAddress !== null) refuseUnless(await this.signInsByAddress.consume(clientAddress));
    refuseUnless(await this.signInsByAccount.consume(email.trim().toLowerCase()));
  }

  /** @throws RateLimitedError when the client's address has used up its window. */
  async admitRefresh(clientAddress: string | null): Promise<void> {
    if (clientAddress !== null) refuseUnless(await this.refreshesByAddress.consume(clientAddress));
  }
}

function refuseUnless(decision: RateWindowDecision): void {
  if (!decision.allowed) throw new RateLimitedError(decision.retryAfterSeconds);
}

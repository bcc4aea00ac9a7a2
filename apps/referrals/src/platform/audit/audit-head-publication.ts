import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditTrail, Clock, publishAuditHead, type AuditHeadOutcome } from '@passage/shared';
import { REFERRALS_CONFIG, type ReferralsConfig } from '../config/referrals.config.js';

/**
 * Verifies the audit chain since the last published head and publishes its new head to `AUDIT_HEAD_FILE`,
 * outside the database, every `AUDIT_HEAD_PUBLISH_INTERVAL_MS` and once more at shutdown (ADR 026). A
 * published head is what makes removing the last records, or rewriting the chain wholesale, detectable:
 * `npm run audit:verify` checks the chain against it. A broken chain is logged as an error and not published.
 */
@Injectable()
export class AuditHeadPublication implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditHeadPublication');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly trail: AuditTrail,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(REFERRALS_CONFIG) private readonly config: ReferralsConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.AUDIT_HEAD_FILE) {
      this.logger.warn(
        'AUDIT_HEAD_FILE is not set: the audit chain head is not published, so removed records go unnoticed',
      );
      return;
    }
    this.timer = setInterval(
      () => void this.publishInBackground(),
      this.config.AUDIT_HEAD_PUBLISH_INTERVAL_MS,
    );
    this.timer.unref();
  }

  /** Before the database connection closes: the records of the last minutes get their head too. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    if (this.config.AUDIT_HEAD_FILE) await this.publishInBackground();
  }

  /** One verification and publication now; what the schedule runs. */
  async publish(): Promise<AuditHeadOutcome | null> {
    const path = this.config.AUDIT_HEAD_FILE;
    if (!path) return null;
    const publication = await publishAuditHead({
      trail: this.trail,
      source: this.dataSource,
      path,
      node: this.config.NODE_ID,
      service: this.config.SERVICE_NAME,
      now: this.clock.now(),
    });
    if (publication.outcome === 'CHAIN_BROKEN') {
      const { brokenAt, reason } = publication.verification;
      this.logger.error(
        `the audit chain is broken at record ${brokenAt} (${reason}); its head is not published`,
      );
    }
    return publication;
  }

  private publishInBackground(): Promise<unknown> {
    this.running = this.publish().catch((error: Error) =>
      this.logger.error(`audit head publication failed: ${error.message}`),
    );
    return this.running;
  }
}

import type { DataSource, EntityManager } from 'typeorm';
import { BusPublishError, type BusRecord, type MessageBus } from '../messaging/message-bus.js';

export interface OutboxRelayOptions {
  /** Rows claimed per cycle. */
  batchSize?: number;
  /** Pause between cycles when there was nothing (or less than a batch) to publish. */
  pollIntervalMs?: number;
  /** First and longest pause after a failed publish; the pause doubles in between. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** Published rows are deleted once they are this old (0 keeps them forever). */
  retainPublishedMs?: number;
}

/** How far the relay is behind: what operators alert on. */
export interface OutboxLag {
  pending: number;
  oldestPendingAgeMs: number;
  /** Rows the broker refused outright (e.g. too large); they need a person. */
  abandoned: number;
}

/** Hooks for metrics and logs; all optional. */
export interface OutboxRelayObserver {
  published?(count: number): void;
  publishFailed?(error: Error, nextAttemptInMs: number): void;
  abandoned?(messageId: string, reason: string): void;
  recovered?(): void;
}

interface ClaimedRow {
  id: string;
  message_id: string;
  topic: string;
  message_key: string;
  headers: Record<string, string>;
  value: Buffer;
}

/**
 * Publishes the outbox of one service database. One relay at a time works on a database (a transaction
 * advisory lock), claiming rows in insertion order with `FOR UPDATE SKIP LOCKED`, so events of one
 * aggregate reach Kafka in the order they were committed. A failed publish leaves the rows pending and
 * backs off; nothing is lost while the broker is away. See docs/adr/005-outbox-inbox.md.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly retainPublishedMs: number;
  private loop: Promise<void> | undefined;
  private running = false;
  private wake: (() => void) | undefined;
  private lastPurgeAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: MessageBus,
    options: OutboxRelayOptions = {},
    private readonly observer: OutboxRelayObserver = {},
  ) {
    this.batchSize = options.batchSize ?? 200;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.initialBackoffMs = options.initialBackoffMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.retainPublishedMs = options.retainPublishedMs ?? 7 * 24 * 3600 * 1000;
  }

  /** Starts the background loop; calling it twice is harmless. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops the loop after one last attempt to drain what is pending, bounded by `drainTimeoutMs`. */
  async stop(drainTimeoutMs = 5_000): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake?.();
    await this.loop;
    const deadline = Date.now() + drainTimeoutMs;
    try {
      while (Date.now() < deadline && (await this.relayOnce()) > 0) {
        // keep draining while there is something to publish and time left
      }
    } catch {
      // The broker is unreachable at shutdown: the rows stay pending for the next start.
    }
  }

  /** Asks a sleeping relay to look at the table now (after a commit that queued something). */
  nudge(): void {
    this.wake?.();
  }

  /**
   * One claim-publish-mark cycle. Returns how many rows were published; 0 also when another relay holds
   * the lock. Throws the publish error after recording it, so the caller can back off.
   */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = (await manager.query(
        `SELECT pg_try_advisory_xact_lock(hashtext('passage.outbox-relay')) AS locked`,
      )) as { locked: boolean }[];
      if (!locked) return 0;
      const rows = (await manager.query(
        `SELECT id, message_id, topic, message_key, headers, value
           FROM outbox_message
          WHERE published_at IS NULL AND abandoned_at IS NULL
          ORDER BY id
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      )) as ClaimedRow[];
      if (rows.length === 0) return 0;
      return this.publishClaimed(manager, rows);
    });
  }

  /** Current backlog, read from the table (cheap: a partial index covers it). */
  async lag(): Promise<OutboxLag> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE published_at IS NULL AND abandoned_at IS NULL)::int AS pending,
              coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE published_at IS NULL AND abandoned_at IS NULL)) * 1000, 0)::bigint AS oldest,
              count(*) FILTER (WHERE abandoned_at IS NOT NULL)::int AS abandoned
         FROM outbox_message
        WHERE published_at IS NULL`,
    )) as { pending: number; oldest: string; abandoned: number }[];
    return { pending: row.pending, oldestPendingAgeMs: Number(row.oldest), abandoned: row.abandoned };
  }

  private async publishClaimed(manager: EntityManager, rows: ClaimedRow[]): Promise<number> {
    const published: string[] = [];
    try {
      for (const group of groupByTopic(rows)) {
        await this.publishGroup(manager, group, published);
      }
    } catch (error) {
      await this.markPublished(manager, published);
      const remaining = rows.filter((row) => !published.includes(row.id)).map((row) => row.id);
      await manager.query(
        `UPDATE outbox_message SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::bigint[])`,
        [remaining, truncate(error instanceof Error ? error.message : String(error))],
      );
      throw error;
    }
    await this.markPublished(manager, published);
    return published.length;
  }

  private async publishGroup(
    manager: EntityManager,
    group: ClaimedRow[],
    published: string[],
  ): Promise<void> {
    const topic = group[0].topic;
    try {
      await this.bus.publish(topic, group.map(toBusRecord));
      published.push(...group.map((row) => row.id));
    } catch (error) {
      if (!(error instanceof BusPublishError) || error.retriable) throw error;
      // The broker refused the request as a whole; find which records it cannot take and park only those.
      for (const row of group) {
        try {
          await this.bus.publish(topic, [toBusRecord(row)]);
          published.push(row.id);
        } catch (single) {
          if (!(single instanceof BusPublishError) || single.retriable) throw single;
          await manager.query(
            `UPDATE outbox_message SET abandoned_at = now(), attempts = attempts + 1, last_error = $2 WHERE id = $1`,
            [row.id, truncate(single.message)],
          );
          this.observer.abandoned?.(row.message_id, single.message);
        }
      }
    }
  }

  private async markPublished(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(`UPDATE outbox_message SET published_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
    this.observer.published?.(ids.length);
  }

  private async run(): Promise<void> {
    let backoff = 0;
    while (this.running) {
      let pause = this.pollIntervalMs;
      try {
        const count = await this.relayOnce();
        if (backoff > 0) this.observer.recovered?.();
        backoff = 0;
        if (count >= this.batchSize) pause = 0;
        await this.purgeIfDue();
      } catch (error) {
        backoff = backoff === 0 ? this.initialBackoffMs : Math.min(backoff * 2, this.maxBackoffMs);
        pause = backoff;
        this.observer.publishFailed?.(error instanceof Error ? error : new Error(String(error)), backoff);
      }
      if (pause > 0 && this.running) await this.sleep(pause);
    }
  }

  private async purgeIfDue(): Promise<void> {
    if (this.retainPublishedMs <= 0 || Date.now() - this.lastPurgeAt < 60_000) return;
    this.lastPurgeAt = Date.now();
    await this.dataSource.query(
      `DELETE FROM outbox_message WHERE published_at < now() - make_interval(secs => $1)`,
      [this.retainPublishedMs / 1000],
    );
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wake = finish;
    });
  }
}

function toBusRecord(row: ClaimedRow): BusRecord {
  return {
    key: row.message_key,
    value: row.value,
    headers: { ...row.headers, 'message-id': row.message_id },
  };
}

/** Order per key only matters within a topic, so each topic's rows go out together, in claim order. */
function groupByTopic(rows: ClaimedRow[]): ClaimedRow[][] {
  const groups = new Map<string, ClaimedRow[]>();
  for (const row of rows) {
    const group = groups.get(row.topic);
    if (group) group.push(row);
    else groups.set(row.topic, [row]);
  }
  return [...groups.values()];
}

function truncate(text: string): string {
  return text.length > 1000 ? `${text.slice(0, 1000)}…` : text;
}

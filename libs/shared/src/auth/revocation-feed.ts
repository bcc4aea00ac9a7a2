import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import {
  nodeEventTopic,
  organisationDeactivatedV1,
  sessionRevokedV1,
  userDeactivatedV1,
  type EventPayload,
} from '@passage/schemas';
import { decodeDomainEvent } from '../inbox/domain-event-decoder.js';
import { PoisonMessageError } from '../inbox/poison-message.error.js';
import type { MessageBus, Subscription } from '../messaging/message-bus.js';
import type { StartableConsumer } from '../messaging/consumer-registry.js';
import type { RevocationList } from './revocation-list.js';

/**
 * Keeps a process's {@link RevocationList} up to date from identity's `identity-access` stream. Each
 * process reads the whole retained stream in a consumer group of its own: the list is a cache of every
 * revocation still relevant, not shared state, so it needs no inbox.
 */
export class RevocationFeed implements StartableConsumer {
  readonly description: string;
  private subscription: Subscription | undefined;
  private readonly logger = new Logger('RevocationFeed');

  constructor(
    private readonly bus: MessageBus,
    private readonly list: RevocationList,
    private readonly options: { nodeId: string; service: string },
  ) {
    this.description = `session revocations of node ${options.nodeId}`;
  }

  /** The stream this feed reads. */
  topic(): string {
    return nodeEventTopic(this.options.nodeId, sessionRevokedV1.stream);
  }

  async start(): Promise<void> {
    this.subscription = await this.bus.subscribe(
      {
        groupId: `passage.${this.options.nodeId}.${this.options.service}.revocations.${randomUUID()}`,
        topics: [this.topic()],
        fromBeginning: true,
      },
      async (record) => {
        try {
          const { message } = decodeDomainEvent(record);
          this.apply(message.type, message.version, message.payload);
        } catch (error) {
          // Identity's stream carries other events and possibly newer versions; they are not ours to park.
          if (!(error instanceof PoisonMessageError)) throw error;
          this.logger.warn(`skipped an unreadable identity event: ${error.code}`);
        }
      },
    );
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  private apply(type: string, version: number, payload: unknown): void {
    if (version !== 1) return;
    switch (type) {
      case sessionRevokedV1.type: {
        const event = payload as EventPayload<typeof sessionRevokedV1>;
        this.list.revokeSession(event.sessionId, new Date(event.accessTokensValidUntil));
        break;
      }
      case userDeactivatedV1.type: {
        const event = payload as EventPayload<typeof userDeactivatedV1>;
        this.list.revokeUser(event.userId, new Date(event.deactivatedAt));
        break;
      }
      case organisationDeactivatedV1.type: {
        const event = payload as EventPayload<typeof organisationDeactivatedV1>;
        this.list.revokeOrganisation(event.organisationId, new Date(event.deactivatedAt));
        break;
      }
      default:
    }
  }
}

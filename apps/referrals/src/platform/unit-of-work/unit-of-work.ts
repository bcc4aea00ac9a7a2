import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { DataCategory, EventDefinition, ExchangeMessageDefinition } from '@passage/schemas';
import {
  Clock,
  ExchangeSender,
  Outbox,
  type AllowedDecision,
  type AppendEventInput,
  type AuthenticatedActor,
  type CaseWorkAction,
  type ExchangeHeader,
  type ExchangeMessageSendInput,
  type FieldAccess,
} from '@passage/shared';
import { CaseAudit, recordedCategories, type AuditPurpose } from '../audit/case-audit.js';

/** A record the policy let the actor act on, with the decision that let them in. */
export interface Authorised {
  decision: Pick<AllowedDecision, 'reason'>;
}

/** What the one audit entry of a change records: names of categories and fields, never values. */
export interface ChangeAudit {
  /** The kind of record, lower-case and dashed: `case`, `rescue-request`, `handoff`, `repatriation-plan`. */
  resourceType: string;
  resourceId: string | null;
  /** The categories changed, or the policy's per-category decision (only those allowed are recorded). */
  categories: Iterable<DataCategory> | Partial<Record<DataCategory, FieldAccess>>;
  fields: Iterable<string>;
  /** Defaults to `CASE_WORK`. */
  purpose?: AuditPurpose;
}

/** What a change may do inside its transaction besides writing its own rows. */
export interface ChangeScope {
  readonly manager: EntityManager;
  readonly actor: AuthenticatedActor;
  /** The one time of this change: every row, event and message it writes carries it. */
  readonly now: Date;
  /** Queues a domain event on its aggregate stream, committed with the change. */
  emit<TDefinition extends EventDefinition>(
    definition: TDefinition,
    input: AppendEventInput<TDefinition>,
  ): Promise<void>;
  /** Queues many events of one kind as one batch, for a change that writes them by the hundred. */
  emitAll<TDefinition extends EventDefinition>(
    definition: TDefinition,
    inputs: readonly AppendEventInput<TDefinition>[],
  ): Promise<void>;
  /**
   * Seals a message for another country's mailbox, committed with the change. The payload is typed and
   * checked by the message's definition in the exchange catalogue.
   */
  send<TDefinition extends ExchangeMessageDefinition>(
    definition: TDefinition,
    input: ExchangeMessageSendInput<TDefinition>,
  ): Promise<ExchangeHeader>;
}

/**
 * One mutation of the referrals service, as the {@link UnitOfWork} runs it: load and authorise, change,
 * describe the audit entry, and optionally read back what the caller sees.
 */
export interface Change<TAuthorised extends Authorised, TResult, TView = TResult> {
  action: CaseWorkAction;
  /** Loads the record (locking it where the change needs to) and asks the policy; throws when refused. */
  authorise(manager: EntityManager): Promise<TAuthorised> | TAuthorised;
  execute(scope: ChangeScope, authorised: TAuthorised): Promise<TResult>;
  audit(authorised: TAuthorised, result: TResult): ChangeAudit;
  /** What the caller gets back, read inside the same transaction after the change. */
  view?(scope: ChangeScope, authorised: TAuthorised, result: TResult): Promise<TView>;
}

/**
 * The one way a mutation of the referrals service runs: a single transaction that authorises through the
 * access policy, applies the change with its events and exchange messages, and writes exactly one audit
 * entry for it, so that the change, its announcements and its accountability commit or roll back together.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly exchange: ExchangeSender,
    private readonly audit: CaseAudit,
    private readonly clock: Clock,
  ) {}

  run<TAuthorised extends Authorised, TResult, TView = TResult>(
    actor: AuthenticatedActor,
    change: Change<TAuthorised, TResult, TView>,
  ): Promise<TView> {
    return this.dataSource.transaction(async (manager) => {
      const authorised = await change.authorise(manager);
      const scope = this.scope(manager, actor);
      const result = await change.execute(scope, authorised);
      const entry = change.audit(authorised, result);
      await this.audit.recordAudit(manager, actor, {
        action: change.action,
        decision: authorised.decision,
        resourceType: entry.resourceType,
        resourceId: entry.resourceId,
        categories: recordedCategories(entry.categories),
        fields: entry.fields,
        purpose: entry.purpose,
      });
      return change.view ? change.view(scope, authorised, result) : (result as unknown as TView);
    });
  }

  private scope(manager: EntityManager, actor: AuthenticatedActor): ChangeScope {
    return {
      manager,
      actor,
      now: this.clock.now(),
      emit: async (definition, input) => {
        await this.outbox.appendEvent(manager, definition, input);
      },
      emitAll: (definition, inputs) => this.outbox.appendEvents(manager, definition, inputs),
      send: (definition, input) => this.exchange.sendMessage(manager, definition, input),
    };
  }
}

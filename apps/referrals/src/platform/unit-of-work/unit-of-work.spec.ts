import { describe, expect, it } from '@jest/globals';
import type { DataSource, EntityManager } from 'typeorm';
import { consentRecordedV1 } from '@passage/schemas';
import { ManualClock, type AuthenticatedActor, type ExchangeSender, type Outbox } from '@passage/shared';
import { CaseAudit, type AuditSink, type CaseAuditEntry } from '../audit/case-audit.js';
import { UnitOfWork, type Authorised, type Change } from './unit-of-work.js';

const actor: AuthenticatedActor = {
  userId: 'user-1',
  sessionId: 'session-1',
  organisationId: 'organisation-1',
  organisationName: 'NGO KH',
  organisationKind: 'NGO',
  country: 'KH',
  stationedIn: null,
  nodeId: 'local',
  roles: ['CASEWORKER'],
  mfaEnrolmentPending: false,
};

const allowed: Authorised = { decision: { reason: 'ALLOWED_OWNER' } };

/** A unit of work over fakes: the transaction hands out one manager, the sink and outbox keep what they get. */
function harness() {
  const manager = { fake: 'manager' } as unknown as EntityManager;
  const dataSource = {
    transaction: <T>(fn: (m: EntityManager) => Promise<T>) => fn(manager),
  } as unknown as DataSource;
  const entries: CaseAuditEntry[] = [];
  const sink: AuditSink = {
    record: (_manager, entry) => {
      entries.push(entry);
      return Promise.resolve();
    },
  };
  const events: { manager: EntityManager; type: string; aggregateId: string }[] = [];
  const outbox = {
    appendEvent: (m: EntityManager, definition: { type: string }, input: { aggregateId: string }) => {
      events.push({ manager: m, type: definition.type, aggregateId: input.aggregateId });
      return Promise.resolve();
    },
  } as unknown as Outbox;
  const exchange = {
    send: () => Promise.reject(new Error('no exchange message expected')),
    sendMessage: () => Promise.reject(new Error('no exchange message expected')),
  } as unknown as ExchangeSender;
  const clock = new ManualClock(new Date('2026-05-01T09:30:00Z'));
  const work = new UnitOfWork(dataSource, outbox, exchange, new CaseAudit(sink), clock);
  return { work, manager, entries, events, clock };
}

function change(
  overrides: Partial<Change<Authorised, string, unknown>> = {},
): Change<Authorised, string, unknown> {
  return {
    action: 'consent.record',
    authorise: () => allowed,
    execute: () => Promise.resolve('result'),
    audit: () => ({ resourceType: 'case', resourceId: 'case-1', categories: ['OPERATIONAL'], fields: ['x'] }),
    ...overrides,
  };
}

describe('UnitOfWork', () => {
  it('records exactly one audit entry, with the reason of the decision that let the actor in', async () => {
    const { work, entries } = harness();
    await work.run(actor, change());
    expect(entries).toEqual([
      {
        actor: {
          userId: 'user-1',
          organisationId: 'organisation-1',
          organisationKind: 'NGO',
          nodeId: 'local',
        },
        action: 'consent.record',
        resourceType: 'case',
        resourceId: 'case-1',
        dataCategories: ['OPERATIONAL'],
        fields: ['x'],
        purpose: 'CASE_WORK',
        decisionReason: 'ALLOWED_OWNER',
      },
    ]);
  });

  it('records only the allowed categories of a per-category decision', async () => {
    const { work, entries } = harness();
    await work.run(
      actor,
      change({
        audit: () => ({
          resourceType: 'case',
          resourceId: 'case-1',
          categories: { OPERATIONAL: 'ALLOW', HEALTH: 'REDACT', LEGAL: 'ALLOW' },
          fields: ['people.ageBand'],
          purpose: 'RESCUE',
        }),
      }),
    );
    expect(entries).toHaveLength(1);
    expect(entries[0].dataCategories).toEqual(['OPERATIONAL', 'LEGAL']);
    expect(entries[0].purpose).toBe('RESCUE');
  });

  it('returns the view when one is given, read after the change', async () => {
    const { work } = harness();
    const seen: string[] = [];
    const view = await work.run(
      actor,
      change({
        execute: () => {
          seen.push('execute');
          return Promise.resolve('result');
        },
        view: (_scope, _authorised, result) => {
          seen.push('view');
          return Promise.resolve({ viewOf: result });
        },
      }),
    );
    expect(view).toEqual({ viewOf: 'result' });
    expect(seen).toEqual(['execute', 'view']);
  });

  it('returns what execute returned when there is no view', async () => {
    const { work } = harness();
    await expect(work.run(actor, change())).resolves.toBe('result');
  });

  it('neither changes nor records anything when authorisation throws', async () => {
    const { work, entries, events } = harness();
    let executed = false;
    const refused = change({
      authorise: () => {
        throw new Error('refused');
      },
      execute: () => {
        executed = true;
        return Promise.resolve('result');
      },
    });
    await expect(work.run(actor, refused)).rejects.toThrow('refused');
    expect(executed).toBe(false);
    expect(entries).toEqual([]);
    expect(events).toEqual([]);
  });

  it('records no audit entry when the change throws', async () => {
    const { work, entries } = harness();
    const failing = change({ execute: () => Promise.reject(new Error('conflict')) });
    await expect(work.run(actor, failing)).rejects.toThrow('conflict');
    expect(entries).toEqual([]);
  });

  it('gives the change the time of the clock, the actor and the transaction manager', async () => {
    const { work, manager, clock, events } = harness();
    clock.set(new Date('2026-06-15T12:00:00Z'));
    let scope: { now: Date; actor: AuthenticatedActor; manager: EntityManager } | undefined;
    await work.run(
      actor,
      change({
        execute: async (given) => {
          scope = { now: given.now, actor: given.actor, manager: given.manager };
          await given.emit(consentRecordedV1, {
            aggregateId: 'case-1',
            payload: {} as never,
          });
          return 'result';
        },
      }),
    );
    expect(scope).toEqual({ now: new Date('2026-06-15T12:00:00Z'), actor, manager });
    expect(events).toEqual([{ manager, type: consentRecordedV1.type, aggregateId: 'case-1' }]);
  });
});

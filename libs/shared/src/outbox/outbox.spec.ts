import { describe, expect, it, jest } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { caseOpenedV1 } from '@passage/schemas';
import { Outbox } from './outbox.js';

function fakeManager(active = true) {
  const query = jest.fn(async (_sql: string, _values?: unknown[]) => []);
  return {
    manager: { query, queryRunner: { isTransactionActive: active } } as unknown as EntityManager,
    query,
  };
}

const payload = (caseId: string) => ({
  caseId,
  reference: 'KH-2026-000001',
  origin: 'MASS_INTAKE' as const,
  ownerOrganisationId: '00000000-0000-4000-8000-000000000001',
  ownerCountry: 'KH',
  jurisdictionCountry: 'KH',
  rescueRequestId: null,
  massIntakeId: '00000000-0000-4000-8000-000000000002',
  personIds: ['00000000-0000-4000-8000-000000000003'],
  openedBy: '00000000-0000-4000-8000-000000000004',
  openedAt: '2026-03-02T08:00:00.000Z',
});

describe('outbox: batched appends', () => {
  const outbox = new Outbox({ service: 'referrals', node: 'local' });

  it('writes a thousand events per statement', async () => {
    const { manager, query } = fakeManager();
    const inputs = Array.from({ length: 2_500 }, (_, index) => {
      const caseId = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
      return { aggregateId: caseId, payload: payload(caseId) };
    });
    await outbox.appendEvents(manager, caseOpenedV1, inputs);
    expect(query).toHaveBeenCalledTimes(3);
    expect(query.mock.calls.map(([, values]) => (values as unknown[]).length)).toEqual([6_000, 6_000, 3_000]);
    const [, values] = query.mock.calls[0];
    expect((values as unknown[])[1]).toBe('passage.local.case-work');
    expect((values as unknown[])[3]).toBe('case.opened@v1');
  });

  it('checks every payload before writing any', async () => {
    const { manager, query } = fakeManager();
    await expect(
      outbox.appendEvents(manager, caseOpenedV1, [
        { aggregateId: 'x', payload: { ...payload('x'), personIds: [] } },
      ]),
    ).rejects.toMatchObject({ code: 'OUTBOX_INVALID_EVENT' });
    expect(query).not.toHaveBeenCalled();
  });

  it('refuses to write outside a transaction', async () => {
    const { manager } = fakeManager(false);
    await expect(outbox.appendEvents(manager, caseOpenedV1, [])).rejects.toMatchObject({
      code: 'OUTBOX_REQUIRES_TRANSACTION',
    });
  });
});

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { caseIdentificationOverdueV1, caseScreeningOverdueV1 } from '@passage/schemas';
import { Clock, Outbox } from '@passage/shared';
import { CASE_DUE_STEPS } from './case-due-time-rules.js';
import { CaseDueTimeRepository, type OverdueCaseStepRow } from './case-due-time.repository.js';

const OVERDUE_EVENT = {
  SCREENING: caseScreeningOverdueV1,
  IDENTIFICATION: caseIdentificationOverdueV1,
} as const;

/**
 * Announces, once each, the steps of open cases that passed their due time unmet: the step is flagged
 * and a `case.screening-overdue` or `case.identification-overdue` event goes out for the coordinators.
 */
@Injectable()
export class CaseOverdueSweep {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly repository: CaseDueTimeRepository,
  ) {}

  /** Flags and announces up to `limit` overdue steps; says how many. */
  async escalateOverdue(limit = 500): Promise<number> {
    // Outside the unit of work by design (ADR 015): a scheduled sweep with no actor that writes no audit entry.
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const overdue = await this.repository.overdueUnescalated(manager, now, limit);
      await this.repository.markEscalated(
        manager,
        overdue.map((row) => ({ caseId: row.case_id, step: row.step })),
        now,
      );
      for (const step of CASE_DUE_STEPS) {
        const rows = overdue.filter((row) => row.step === step);
        if (rows.length === 0) continue;
        await this.outbox.appendEvents(manager, OVERDUE_EVENT[step], rows.map(overdueEvent));
      }
      return overdue.length;
    });
  }
}

function overdueEvent(row: OverdueCaseStepRow) {
  return {
    aggregateId: row.case_id,
    payload: {
      caseId: row.case_id,
      ownerOrganisationId: row.owner_organisation_id,
      jurisdictionCountry: row.jurisdiction_country,
      countedFrom: row.counted_from.toISOString(),
      dueAt: row.due_at.toISOString(),
    },
  };
}

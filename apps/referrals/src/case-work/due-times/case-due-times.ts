import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { workingCalendarFor } from '@passage/schemas';
import { Clock } from '@passage/shared';
import { REFERRALS_CONFIG, type ReferralsConfig } from '../../platform/index.js';
import type { CaseEntity } from '../case/entities/case.entity.js';
import { IdentificationDecisionHooks } from '../identification/identification-decision-hooks.js';
import {
  CASE_DUE_STEPS,
  DEFAULT_CASE_DUE_WORKING_DAYS,
  caseDueTimes,
  type CaseDueStep,
  type CaseDueWorkingDays,
} from './case-due-time-rules.js';
import { CaseDueTimeRepository, overdueCaseCondition } from './case-due-time.repository.js';

/** What a case shows of its due times; all null for a case opened before due times were kept. */
export interface CaseDueTimesView {
  firstContactAt: Date | null;
  screeningDueAt: Date | null;
  screeningMetAt: Date | null;
  screeningOverdue: boolean;
  identificationDueAt: Date | null;
  identificationMetAt: Date | null;
  identificationOverdue: boolean;
}

/** The settings this reads; every one may be missing (a test's partial configuration): defaults apply. */
type DueTimeConfig = Partial<
  Pick<
    ReferralsConfig,
    | 'SCREENING_DUE_WORKING_DAYS'
    | 'IDENTIFICATION_DUE_WORKING_DAYS'
    | 'CASE_DUE_WORKING_DAYS'
    | 'WORKING_CALENDARS'
  >
>;

/**
 * Due times of screening and of a first identification decision, with this node's configuration: set
 * when a case opens, met when every person of the case has done the step, shown on the case and swept
 * when overdue (`CaseOverdueSweep`).
 */
@Injectable()
export class CaseDueTimes implements OnModuleInit {
  constructor(
    @Inject(REFERRALS_CONFIG) private readonly config: DueTimeConfig,
    private readonly clock: Clock,
    private readonly repository: CaseDueTimeRepository,
    private readonly decisionHooks: IdentificationDecisionHooks,
  ) {}

  onModuleInit(): void {
    // A decision beyond PENDING in the case's jurisdiction may complete the identification step.
    this.decisionHooks.register((manager, decision) =>
      this.repository.refreshMet(manager, decision.caseId, decision.at),
    );
  }

  /** The working days each step has in `country`: the country's own setting, else the node's default. */
  workingDaysIn(country: string): CaseDueWorkingDays {
    const own = this.config.CASE_DUE_WORKING_DAYS?.[country];
    return {
      SCREENING:
        own?.screening ?? this.config.SCREENING_DUE_WORKING_DAYS ?? DEFAULT_CASE_DUE_WORKING_DAYS.SCREENING,
      IDENTIFICATION:
        own?.identification ??
        this.config.IDENTIFICATION_DUE_WORKING_DAYS ??
        DEFAULT_CASE_DUE_WORKING_DAYS.IDENTIFICATION,
    };
  }

  /** When each step of a case handled in `country` is due, counted from `firstContact`. */
  dueTimesIn(country: string, firstContact: Date): Record<CaseDueStep, Date> {
    const calendar = workingCalendarFor(country, this.config.WORKING_CALENDARS?.[country] ?? {});
    return caseDueTimes(firstContact, calendar, this.workingDaysIn(country));
  }

  /**
   * Sets the due times of cases just opened, in the opening's transaction. First contact is the rescue
   * (when the jurisdiction resolved the request the case opens from), else the opening itself.
   */
  async start(
    manager: EntityManager,
    cases: readonly Pick<CaseEntity, 'id' | 'jurisdictionCountry' | 'rescueRequestId' | 'openedAt'>[],
  ): Promise<void> {
    // A mass intake opens thousands of cases at one instant in one country: compute once.
    const computed = new Map<string, Record<CaseDueStep, Date>>();
    const rows = [];
    for (const record of cases) {
      const rescuedAt = record.rescueRequestId
        ? await this.repository.rescuedAt(manager, record.rescueRequestId, record.jurisdictionCountry)
        : null;
      const countedFrom = rescuedAt && rescuedAt < record.openedAt ? rescuedAt : record.openedAt;
      const key = `${record.jurisdictionCountry}|${countedFrom.getTime()}`;
      let due = computed.get(key);
      if (!due) {
        due = this.dueTimesIn(record.jurisdictionCountry, countedFrom);
        computed.set(key, due);
      }
      for (const step of CASE_DUE_STEPS) {
        rows.push({ caseId: record.id, step, countedFrom, dueAt: due[step] });
      }
    }
    await this.repository.insert(manager, rows);
  }

  /**
   * Re-checks whether the case's steps are met, after something that may complete one (a screening) or
   * reopen one (a person added to the case).
   */
  refresh(manager: EntityManager, caseId: string, at: Date): Promise<void> {
    return this.repository.refreshMet(manager, caseId, at);
  }

  /** The case's due times as it shows them; a step is overdue while the case is open and it is not met. */
  async view(manager: EntityManager, record: Pick<CaseEntity, 'id' | 'status'>): Promise<CaseDueTimesView> {
    const rows = await this.repository.ofCase(manager, record.id);
    const now = this.clock.now();
    const of = (step: CaseDueStep) => rows.find((row) => row.step === step);
    const overdue = (step: CaseDueStep) => {
      const row = of(step);
      return record.status === 'OPEN' && row !== undefined && row.met_at === null && row.due_at < now;
    };
    return {
      firstContactAt: rows[0]?.counted_from ?? null,
      screeningDueAt: of('SCREENING')?.due_at ?? null,
      screeningMetAt: of('SCREENING')?.met_at ?? null,
      screeningOverdue: overdue('SCREENING'),
      identificationDueAt: of('IDENTIFICATION')?.due_at ?? null,
      identificationMetAt: of('IDENTIFICATION')?.met_at ?? null,
      identificationOverdue: overdue('IDENTIFICATION'),
    };
  }

  /**
   * The condition a case list adds for `overdue: true` (an open case with a step past due and not met)
   * or `overdue: false`, with its parameter.
   */
  overdueFilter(alias: string, overdue: boolean): { where: string; parameters: { dueTimesNow: Date } } {
    const condition = overdueCaseCondition(alias);
    return {
      where: overdue ? condition : `NOT ${condition}`,
      parameters: { dueTimesNow: this.clock.now() },
    };
  }
}

import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import {
  hasPublicHolidayData,
  workingCalendarFor,
  type RescueOutcome,
  type RescueRequestStatus,
} from '@passage/schemas';
import { InvalidTransitionError, REFERRALS_CONFIG, type ReferralsConfig } from '../../platform/index.js';
import { intakeErrors } from '../intake.errors.js';
import {
  assertRescueRequestTransition,
  rescueRequestDueAt,
  rescueRequestDueDurations,
  type RescueRequestDueDurations,
} from './rescue-request-lifecycle.js';

/**
 * The rescue-request rules (`rescue-request-lifecycle.ts`) with this node's configuration: how long each
 * step may take, counted on the working calendar of the country where the compound is.
 */
@Injectable()
export class RescueTiming implements OnApplicationBootstrap {
  private readonly durations: RescueRequestDueDurations;
  private readonly logger = new Logger('WorkingCalendars');

  constructor(@Inject(REFERRALS_CONFIG) private readonly config: ReferralsConfig) {
    this.durations = rescueRequestDueDurations({
      SUBMITTED: config.RESCUE_ACKNOWLEDGE_WITHIN_MS,
      ACKNOWLEDGED: config.RESCUE_VERIFY_WITHIN_MS,
      VERIFYING: config.RESCUE_PLAN_OPERATION_WITHIN_MS,
      OPERATION_PLANNED: config.RESCUE_RESOLVE_WITHIN_MS,
    });
  }

  /**
   * Says once at boot which countries of this node have no public holidays in `date-holidays` (Cambodia,
   * Lao PDR, Myanmar, …): only the holidays configured in `WORKING_CALENDARS` count there.
   */
  onApplicationBootstrap(): void {
    const countries = new Set([
      ...(this.config.HOSTED_COUNTRIES ?? []),
      ...Object.keys(this.config.WORKING_CALENDARS ?? {}),
    ]);
    for (const country of [...countries].sort()) {
      if (hasPublicHolidayData(country)) continue;
      const configured = this.config.WORKING_CALENDARS?.[country]?.holidays?.length ?? 0;
      const message =
        `${country}: no public holidays in date-holidays; due times count ${configured} holiday(s) ` +
        'configured in WORKING_CALENDARS';
      if (configured === 0) this.logger.warn(`${message} — configure them`);
      else this.logger.log(message);
    }
  }

  /** When a request entering `status` now is due to move on; null once resolved. */
  dueAt(status: RescueRequestStatus, jurisdictionCountry: string, enteredAt: Date): Date | null {
    const calendar = workingCalendarFor(
      jurisdictionCountry,
      this.config.WORKING_CALENDARS[jurisdictionCountry] ?? {},
    );
    return rescueRequestDueAt(status, enteredAt, calendar, this.durations);
  }

  /** Refuses a change the life cycle does not allow, as bad input on the status field. */
  assertTransition(from: RescueRequestStatus, to: RescueRequestStatus, outcome: RescueOutcome | null): void {
    try {
      assertRescueRequestTransition(from, to, outcome);
    } catch (error) {
      if (!(error instanceof InvalidTransitionError)) throw error;
      const field =
        error.reason === 'OUTCOME_REQUIRED' || error.reason === 'OUTCOME_NOT_ALLOWED' ? 'outcome' : 'status';
      // The rule's own reason (NOT_ALLOWED, OUTCOME_REQUIRED, …) says more than the catalogue's code.
      throw intakeErrors.error(
        'TRANSITION_NOT_ALLOWED',
        `a request in ${from} cannot move to ${to}${outcome ? ` (${outcome})` : ''}`,
        { field, reason: error.reason },
      );
    }
  }
}

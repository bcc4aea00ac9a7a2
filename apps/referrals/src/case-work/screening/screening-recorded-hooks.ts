import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ScreeningOutcome } from '@passage/schemas';

/** A screening just recorded for a person. */
export interface ScreeningRecorded {
  caseId: string;
  personId: string;
  screeningId: string;
  confirmedOutcome: ScreeningOutcome;
  screenedBy: string;
  screenedByOrganisationId: string;
  at: Date;
}

/** Something that must follow, in the same transaction, from a screening. */
export type ScreeningRecordedHook = (manager: EntityManager, screening: ScreeningRecorded) => Promise<void>;

/**
 * Where what a screening leads to registers itself (a person screened NOT_INDICATED is to be referred to
 * services for vulnerable migrants), so screening does not depend on every context it affects.
 */
@Injectable()
export class ScreeningRecordedHooks {
  private readonly hooks: ScreeningRecordedHook[] = [];

  register(hook: ScreeningRecordedHook): void {
    this.hooks.push(hook);
  }

  async run(manager: EntityManager, screening: ScreeningRecorded): Promise<void> {
    for (const hook of this.hooks) await hook(manager, screening);
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IdentificationStatus } from '@passage/schemas';

/** A decision just recorded for a person in one jurisdiction. */
export interface IdentificationDecisionRecorded {
  caseId: string;
  personId: string;
  decisionId: string;
  jurisdictionCountry: string;
  status: IdentificationStatus;
  previousStatus: IdentificationStatus | null;
  recordedBy: string;
  at: Date;
}

/** Something that must follow, in the same transaction, from an identification decision. */
export type IdentificationDecisionHook = (
  manager: EntityManager,
  decision: IdentificationDecisionRecorded,
) => Promise<void>;

/**
 * Where what a decision changes registers itself (an attestation suspended or revoked by a negative
 * decision), so the decision does not depend on every feature it affects.
 */
@Injectable()
export class IdentificationDecisionHooks {
  private readonly hooks: IdentificationDecisionHook[] = [];

  register(hook: IdentificationDecisionHook): void {
    this.hooks.push(hook);
  }

  async run(manager: EntityManager, decision: IdentificationDecisionRecorded): Promise<void> {
    for (const hook of this.hooks) await hook(manager, decision);
  }
}

import { Injectable, type OnModuleInit } from '@nestjs/common';
import { IdentificationDecisionHooks } from '../identification/identification-decision-hooks.js';
import { PersonDocumentHooks } from '../person/person-document-hooks.js';
import { AttestationRebinding } from './attestation-rebinding.js';
import { AttestationStandingWriter } from './attestation-standing.writer.js';

/**
 * What other case work does to attestations, each in the transaction of the change that causes it (whose
 * own audit entry covers it): a document recorded for a person re-binds the person's attestations to it;
 * an identification decision suspends, reinstates or revokes them.
 */
@Injectable()
export class AttestationHooks implements OnModuleInit {
  constructor(
    private readonly documentHooks: PersonDocumentHooks,
    private readonly decisionHooks: IdentificationDecisionHooks,
    private readonly rebinding: AttestationRebinding,
    private readonly standing: AttestationStandingWriter,
  ) {}

  onModuleInit(): void {
    this.documentHooks.register((manager, recorded) => this.rebinding.rebind(manager, recorded));
    this.decisionHooks.register((manager, decision) => this.standing.followDecision(manager, decision));
  }
}

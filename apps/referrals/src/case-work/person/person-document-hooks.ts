import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DocumentType } from './person-vocabulary.js';

/** A travel or identity document recorded for a person after intake (an emergency travel document, say). */
export interface PersonDocumentRecorded {
  caseId: string;
  personId: string;
  documentType: DocumentType;
  documentNumber: string;
  recordedBy: string;
  at: Date;
}

/** Something that must follow, in the same transaction, when a person's document is recorded or changed. */
export type PersonDocumentHook = (manager: EntityManager, recorded: PersonDocumentRecorded) => Promise<void>;

/**
 * Where what depends on a person's document (a protection attestation bound to it) registers itself, so
 * person maintenance does not depend on every feature that relies on a document number.
 */
@Injectable()
export class PersonDocumentHooks {
  private readonly hooks: PersonDocumentHook[] = [];

  register(hook: PersonDocumentHook): void {
    this.hooks.push(hook);
  }

  async run(manager: EntityManager, recorded: PersonDocumentRecorded): Promise<void> {
    for (const hook of this.hooks) await hook(manager, recorded);
  }
}

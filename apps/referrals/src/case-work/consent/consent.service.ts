import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { consentRecordedV1, consentWithdrawnV1 } from '@passage/schemas';
import type { AuthenticatedActor } from '@passage/shared';
import { UnitOfWork } from '../../platform/index.js';
import { ConsentWithdrawalHooks } from './consent-withdrawal-hooks.js';
import { CaseRecords } from '../case/case-records.js';
import { caseWorkErrors } from '../case-work.errors.js';
import { CaseViewReader } from '../case/case-view.reader.js';
import type { CaseModel } from '../case/graphql/case.model.js';
import type { ConsentModel } from './graphql/consent.model.js';
import { toConsentModel } from './consent-view.js';
import type { RecordConsent, WithdrawConsent } from './dtos/consent.inputs.js';
import { ConsentEntity } from './entities/consent.entity.js';

/**
 * Consents per person and purpose. The policy reads standing consents fresh on every request, so a
 * withdrawal narrows access from the next read on; the event tells every other copy to follow.
 */
@Injectable()
export class ConsentService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly records: CaseRecords,
    private readonly views: CaseViewReader,
    private readonly withdrawalHooks: ConsentWithdrawalHooks,
  ) {}

  recordConsent(actor: AuthenticatedActor, input: RecordConsent): Promise<CaseModel> {
    return this.work.run(actor, {
      action: 'consent.record',
      authorise: (manager) =>
        this.records.authorisePerson(
          manager,
          actor,
          'consent.record',
          input.caseId,
          input.personId,
          'personId',
          {
            lock: true,
          },
        ),
      execute: async ({ manager, now, emit }) => {
        const standing = await manager.find(ConsentEntity, {
          where: { personId: input.personId, withdrawnAt: IsNull() },
        });
        for (const purpose of input.purposes) {
          // Consent given again while it stands changes nothing; the first record keeps its date.
          if (standing.some((consent) => consent.purpose === purpose)) continue;
          const consent: ConsentEntity = {
            id: randomUUID(),
            caseId: input.caseId,
            personId: input.personId,
            purpose,
            language: input.language,
            interpreterUsed: input.interpreterUsed,
            interpreterLanguage: input.interpreterLanguage,
            grantedBy: actor.userId,
            grantedByOrganisationId: actor.organisationId,
            grantedAt: now,
            withdrawnBy: null,
            withdrawnByOrganisationId: null,
            withdrawnAt: null,
          };
          await manager.insert(ConsentEntity, consent);
          await emit(consentRecordedV1, {
            aggregateId: input.caseId,
            payload: {
              caseId: input.caseId,
              personId: input.personId,
              consentId: consent.id,
              purpose,
              interpreterUsed: input.interpreterUsed,
              grantedBy: actor.userId,
              grantedByOrganisationId: actor.organisationId,
              grantedAt: now.toISOString(),
            },
          });
        }
      },
      audit: () => ({
        resourceType: 'case',
        resourceId: input.caseId,
        categories: ['OPERATIONAL'],
        fields: ['consents.purpose'],
      }),
      view: ({ manager }) => this.views.read(manager, actor, input.caseId),
    });
  }

  withdrawConsent(actor: AuthenticatedActor, input: WithdrawConsent): Promise<ConsentModel> {
    return this.work.run(actor, {
      action: 'consent.withdraw',
      authorise: (manager) =>
        this.records.authorisePerson(
          manager,
          actor,
          'consent.withdraw',
          input.caseId,
          input.personId,
          'personId',
          {
            lock: true,
          },
        ),
      execute: async ({ manager, now, emit }) => {
        const consent = await manager.findOne(ConsentEntity, {
          where: { personId: input.personId, purpose: input.purpose, withdrawnAt: IsNull() },
        });
        if (!consent) {
          throw caseWorkErrors.error('CONSENT_NOT_STANDING', 'no standing consent for this purpose', {
            field: 'purpose',
          });
        }
        await manager.update(
          ConsentEntity,
          { id: consent.id },
          { withdrawnAt: now, withdrawnBy: actor.userId, withdrawnByOrganisationId: actor.organisationId },
        );
        await this.withdrawalHooks.run(manager, {
          personId: input.personId,
          purpose: input.purpose,
          at: now,
        });
        await emit(consentWithdrawnV1, {
          aggregateId: input.caseId,
          payload: {
            caseId: input.caseId,
            personId: input.personId,
            consentId: consent.id,
            purpose: input.purpose,
            withdrawnBy: actor.userId,
            withdrawnByOrganisationId: actor.organisationId,
            withdrawnAt: now.toISOString(),
          },
        });
        // Only the consent is returned: the withdrawal may have ended the caller's own access to the case
        // (a team member whose route needed it), and it must stand whatever the caller can still read.
        return toConsentModel({
          ...consent,
          withdrawnAt: now,
          withdrawnBy: actor.userId,
          withdrawnByOrganisationId: actor.organisationId,
        });
      },
      audit: () => ({
        resourceType: 'case',
        resourceId: input.caseId,
        categories: ['OPERATIONAL'],
        fields: ['consents.withdrawnAt'],
      }),
    });
  }
}

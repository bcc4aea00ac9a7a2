import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { screeningRecordedV1 } from '@passage/schemas';
import type { AuthenticatedActor } from '@passage/shared';
import { UnitOfWork } from '../../platform/index.js';
import { CaseRecords } from '../case/case-records.js';
import { CaseViewReader } from '../case/case-view.reader.js';
import type { CaseModel } from '../case/graphql/case.model.js';
import { CaseDueTimes } from '../due-times/case-due-times.js';
import { minorFromAgeBand } from '../person/person-vocabulary.js';
import type { RecordScreening } from './dtos/screening.inputs.js';
import { ScreeningEntity } from './entities/screening.entity.js';
import { ScreeningRecordedHooks } from './screening-recorded-hooks.js';
import { suggestScreeningOutcome } from './screening-suggestion.js';

/**
 * Screenings against the indicator catalogue. The shared rule suggests an outcome; the screener confirms
 * one, with reasons. Both are kept, so a departure from the suggestion stays visible.
 */
@Injectable()
export class ScreeningService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly records: CaseRecords,
    private readonly views: CaseViewReader,
    private readonly dueTimes: CaseDueTimes,
    private readonly hooks: ScreeningRecordedHooks,
  ) {}

  recordScreening(actor: AuthenticatedActor, input: RecordScreening): Promise<CaseModel> {
    return this.work.run(actor, {
      action: 'screening.record',
      authorise: (manager) =>
        this.records.authorisePerson(
          manager,
          actor,
          'screening.record',
          input.caseId,
          input.personId,
          'personId',
          { lock: true },
        ),
      execute: async ({ manager, now, emit }, { person }) => {
        // A child, or someone who may be one, gets the child rule: means are not required.
        const suggestion = suggestScreeningOutcome({
          observations: input.observations.map(({ code, observed }) => ({ code, observed })),
          isChild: minorFromAgeBand(person.ageBand) !== false,
        });
        const screening: ScreeningEntity = {
          id: randomUUID(),
          caseId: input.caseId,
          personId: input.personId,
          screenedBy: actor.userId,
          screenedByOrganisationId: actor.organisationId,
          indicators: {
            observations: input.observations,
            evidenceAgainst: input.evidenceAgainst,
            suggestionReasons: suggestion.reasons.map((reason) => reason.code),
          },
          suggestedOutcome: suggestion.outcome,
          confirmedOutcome: input.confirmedOutcome,
          reasons: input.reasons,
          screenedAt: now,
        };
        await manager.insert(ScreeningEntity, screening);
        await this.dueTimes.refresh(manager, input.caseId, now);
        await emit(screeningRecordedV1, {
          aggregateId: input.caseId,
          payload: {
            caseId: input.caseId,
            personId: input.personId,
            screeningId: screening.id,
            suggestedOutcome: suggestion.outcome,
            confirmedOutcome: input.confirmedOutcome,
            screenedBy: actor.userId,
            screenedByOrganisationId: actor.organisationId,
            screenedAt: now.toISOString(),
          },
        });
        await this.hooks.run(manager, {
          caseId: input.caseId,
          personId: input.personId,
          screeningId: screening.id,
          confirmedOutcome: input.confirmedOutcome,
          screenedBy: actor.userId,
          screenedByOrganisationId: actor.organisationId,
          at: now,
        });
      },
      audit: () => ({
        resourceType: 'case',
        resourceId: input.caseId,
        categories: ['LEGAL', 'NARRATIVE'],
        fields: [
          'screenings.observations',
          'screenings.evidenceAgainst',
          'screenings.confirmedOutcome',
          'screenings.reasons',
        ],
      }),
      view: ({ manager }) => this.views.read(manager, actor, input.caseId),
    });
  }
}

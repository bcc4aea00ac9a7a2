import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { interviewRecordedV1, type DataCategory } from '@passage/schemas';
import { AccessDeniedError, Clock, type AuthenticatedActor } from '@passage/shared';
import { ReferralsAccess, UnitOfWork } from '../../platform/index.js';
import { CaseRecords } from '../case/case-records.js';
import { refuseFutureTime } from '../case-work.errors.js';
import { CaseViewReader } from '../case/case-view.reader.js';
import type { CaseModel } from '../case/graphql/case.model.js';
import { PersonEntity } from '../person/entities/person.entity.js';
import type { RecordInterview } from './dtos/interview.inputs.js';
import { InterviewEntity } from './entities/interview.entity.js';
import { TOPIC_CATEGORIES } from './interview-vocabulary.js';

/** The interview log: who asked whom about what, so that nobody asks again. */
@Injectable()
export class InterviewService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly records: CaseRecords,
    private readonly access: ReferralsAccess,
    private readonly views: CaseViewReader,
    // A date in the future is refused before the case is even looked up.
    private readonly clock: Clock,
  ) {}

  async recordInterview(actor: AuthenticatedActor, input: RecordInterview): Promise<CaseModel> {
    refuseFutureTime(input.conductedAt, this.clock.now(), 'conductedAt');
    return this.work.run(actor, {
      action: 'interview.record',
      authorise: async (manager) => {
        const { decision, personContext } = await this.records.authorisePerson(
          manager,
          actor,
          'interview.record',
          input.caseId,
          input.personId,
          'personId',
          { lock: true },
        );
        // Logging a sexual-violence or health topic (or a disclosure) records data of that category: only
        // someone who may hold it may write it.
        const touched = new Set<DataCategory>([
          'OPERATIONAL',
          ...input.topics.map((topic) => TOPIC_CATEGORIES[topic]),
        ]);
        if (input.sexualViolenceDisclosed !== null) touched.add('SEXUAL_VIOLENCE');
        const allowed = this.access.visibleCategories(actor, 'interview.record', personContext, [...touched]);
        if ([...touched].some((category) => allowed[category] !== 'ALLOW'))
          throw new AccessDeniedError('NO_NEED_TO_KNOW');
        return { decision, touched };
      },
      execute: async ({ manager, now, emit }) => {
        const interview: InterviewEntity = {
          id: randomUUID(),
          caseId: input.caseId,
          personId: input.personId,
          interviewerUserId: actor.userId,
          interviewerOrganisationId: actor.organisationId,
          interviewerGender: input.interviewerGender,
          specialistInterviewer: input.specialistInterviewer,
          language: input.language,
          interpreterUsed: input.interpreterUsed,
          interpreterLanguage: input.interpreterLanguage,
          topics: input.topics,
          conductedAt: input.conductedAt,
          recordedAt: now,
        };
        await manager.insert(InterviewEntity, interview);
        if (input.sexualViolenceDisclosed !== null) {
          await manager.update(
            PersonEntity,
            { id: input.personId },
            { sexualViolenceDisclosed: input.sexualViolenceDisclosed, updatedAt: now },
          );
        }
        await emit(interviewRecordedV1, {
          aggregateId: input.caseId,
          payload: {
            caseId: input.caseId,
            personId: input.personId,
            interviewId: interview.id,
            interviewerOrganisationId: actor.organisationId,
            interpreterUsed: input.interpreterUsed,
            conductedAt: input.conductedAt.toISOString(),
            recordedBy: actor.userId,
          },
        });
      },
      audit: ({ touched }) => ({
        resourceType: 'case',
        resourceId: input.caseId,
        categories: touched,
        fields: [
          'interviews.topics',
          'interviews.interviewerGender',
          ...(input.sexualViolenceDisclosed !== null ? ['people.sexualViolenceDisclosed'] : []),
        ],
      }),
      view: ({ manager }) => this.views.read(manager, actor, input.caseId),
    });
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { riskAssessedV1, type DataCategory } from '@passage/schemas';
import { Clock, type AuthenticatedActor } from '@passage/shared';
import { ReferralsAccess, UnitOfWork } from '../platform/index.js';
import { CaseRecords, minorFromAgeBand } from '../case-work/index.js';
import type { RecordRiskAssessmentValue } from './dtos/repatriation.inputs.js';
import { repatriationErrors } from './repatriation.errors.js';
import { ReturnRiskAssessmentEntity } from './entities/return-risk-assessment.entity.js';
import type { ReturnRiskAssessmentModel } from './graphql/repatriation.model.js';
import { riskAssessmentProblems } from './rules/repatriation-risk.js';

/**
 * Pre-return risk assessments. Assessing the risks of return is processing for the purpose of return, so
 * it needs the same standing RETURN consent as the plan it informs (the `repatriation.plan` rule).
 */
@Injectable()
export class ReturnRiskAssessmentService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly records: CaseRecords,
    private readonly access: ReferralsAccess,
    private readonly clock: Clock,
  ) {}

  record(actor: AuthenticatedActor, input: RecordRiskAssessmentValue): Promise<ReturnRiskAssessmentModel> {
    const now = this.clock.now();
    for (const [field, at] of [
      ['assessedAt', input.assessedAt],
      ['bestInterestAssessment.assessedAt', input.bestInterestAssessment?.assessedAt],
    ] as const) {
      if (at && at.getTime() > now.getTime()) {
        throw repatriationErrors.error('TIME_IN_FUTURE', 'must not be in the future', { field });
      }
    }
    return this.work.run(actor, {
      action: 'repatriation.plan',
      authorise: (manager) =>
        this.records.authorisePerson(
          manager,
          actor,
          'repatriation.plan',
          input.caseId,
          input.personId,
          'personId',
          { lock: true },
        ),
      execute: async ({ manager, emit }, { person }) => {
        // A person whose age is unknown is assessed as a child: the safer reading.
        const childTrack = minorFromAgeBand(person.ageBand) !== false;
        const [problem] = riskAssessmentProblems({
          factors: input.factors,
          conclusion: input.conclusion,
          childTrack,
          hasBestInterestAssessment: input.bestInterestAssessment !== null,
          hasGuardian: input.guardian !== null,
        });
        if (problem) {
          throw repatriationErrors.error('RISK_ASSESSMENT_INVALID', problem[1], { field: problem[0] });
        }
        const record: ReturnRiskAssessmentEntity = {
          id: randomUUID(),
          caseId: input.caseId,
          personId: person.id,
          factors: input.factors.map((entry) => ({
            factor: entry.factor,
            level: entry.level,
            notes: entry.notes,
          })),
          conclusion: input.conclusion,
          conclusionNotes: input.conclusionNotes,
          childTrack,
          bestInterestSummary: input.bestInterestAssessment?.summary ?? null,
          bestInterestAssessedAt: input.bestInterestAssessment?.assessedAt ?? null,
          returnInChildsBestInterest: input.bestInterestAssessment?.returnInBestInterest ?? null,
          guardianName: input.guardian?.name ?? null,
          guardianOrganisationId: input.guardian?.organisationId ?? null,
          assessedBy: actor.userId,
          assessedByOrganisationId: actor.organisationId,
          assessedAt: input.assessedAt,
          recordedAt: now,
        };
        await manager.insert(ReturnRiskAssessmentEntity, record);
        await emit(riskAssessedV1, {
          aggregateId: input.caseId,
          payload: {
            caseId: input.caseId,
            personId: person.id,
            assessmentId: record.id,
            levels: record.factors.map((entry) => ({ factor: entry.factor, level: entry.level })),
            conclusion: record.conclusion,
            childTrack,
            assessedByOrganisationId: actor.organisationId,
            assessedBy: actor.userId,
            assessedAt: record.assessedAt.toISOString(),
          },
        });
        return record;
      },
      audit: (_authorised, record) => {
        const changed: DataCategory[] = ['OPERATIONAL', 'NARRATIVE'];
        const fields = ['returnRiskAssessment.factors', 'returnRiskAssessment.conclusion'];
        if (record.guardianName) {
          changed.push('IDENTITY');
          fields.push('returnRiskAssessment.guardianName', 'returnRiskAssessment.bestInterestSummary');
        }
        return {
          resourceType: 'return-risk-assessment',
          resourceId: record.id,
          categories: changed,
          fields,
          purpose: 'CASE_WORK',
        };
      },
      view: async (_scope, { personContext }, record) => {
        const visible = this.access.visibleCategories(actor, 'repatriation.plan', personContext, [
          'NARRATIVE',
          'IDENTITY',
        ]);
        const narrative = visible.NARRATIVE === 'ALLOW';
        return {
          id: record.id,
          caseId: record.caseId,
          personId: record.personId,
          factors: record.factors.map((entry) => ({ ...entry, notes: narrative ? entry.notes : null })),
          conclusion: record.conclusion,
          conclusionNotes: narrative ? record.conclusionNotes : null,
          childTrack: record.childTrack,
          bestInterestSummary: narrative ? record.bestInterestSummary : null,
          returnInChildsBestInterest: record.returnInChildsBestInterest,
          guardianName: visible.IDENTITY === 'ALLOW' ? record.guardianName : null,
          guardianOrganisationId: record.guardianOrganisationId,
          assessedByOrganisationId: record.assessedByOrganisationId,
          assessedAt: record.assessedAt,
          withheldCategories: Object.entries(visible)
            .filter(([, access]) => access === 'REDACT')
            .map(([category]) => category),
        };
      },
    });
  }
}

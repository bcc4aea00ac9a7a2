import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AccessDeniedError, type AuthenticatedActor } from '@passage/shared';
import { ReferralsAccess } from '../platform/index.js';
import { ReferralsAudit } from '../platform/index.js';
import { CaseRecords } from '../case-work/index.js';
import { RepatriationPlanEntity } from './entities/repatriation-plan.entity.js';
import type { RepatriationPlanModel } from './graphql/repatriation.model.js';
import { RepatriationAssignments } from './repatriation-assignments.js';
import { planResourceContext } from './repatriation-context.js';
import { RepatriationPlanReader } from './repatriation-plan.reader.js';

/** How many plans of each kind (held here, held elsewhere) one call returns, most recently changed first. */
const LIST_LIMIT = 100;

/**
 * The plans an organisation works on: those this node holds that it owns, whose case it owns, in which it
 * owns a step, or (as coordinator) of its jurisdiction; and the plans of other nodes in which it owns a
 * step. Each plan is shown as the policy allows, and each read is audited.
 */
@Injectable()
export class RepatriationPlansQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: CaseRecords,
    private readonly access: ReferralsAccess,
    private readonly audit: ReferralsAudit,
    private readonly reader: RepatriationPlanReader,
    private readonly assignments: RepatriationAssignments,
  ) {}

  async list(actor: AuthenticatedActor): Promise<RepatriationPlanModel[]> {
    this.access.authoriseAny(actor, 'repatriation.plan');
    const held = await this.dataSource.transaction(async (manager) => {
      const plans = await manager
        .getRepository(RepatriationPlanEntity)
        .createQueryBuilder('p')
        .innerJoin('case_file', 'c', 'c.id = p.case_id')
        .where(
          `p.owner_organisation_id = :org OR c.owner_organisation_id = :org
            OR EXISTS (SELECT 1 FROM repatriation_step s WHERE s.plan_id = p.id AND s.owner_organisation_id = :org)
            OR (:coordinator AND p.jurisdiction_country = :country)`,
          {
            org: actor.organisationId,
            coordinator: actor.organisationKind === 'NRM_COORDINATOR',
            country: actor.country ?? '',
          },
        )
        .orderBy('p.updated_at', 'DESC')
        .limit(LIST_LIMIT)
        .getMany();
      const shown: RepatriationPlanModel[] = [];
      for (const plan of plans) {
        const loaded = await this.records.load(manager, plan.caseId);
        const person = loaded?.persons.find((candidate) => candidate.id === plan.personId);
        if (!loaded || !person) continue;
        const steps = await this.reader.steps(manager, plan.id);
        const context = planResourceContext(this.records.personContext(loaded, person), plan, steps);
        let decision;
        try {
          decision = this.access.authorise(actor, 'repatriation.plan', context);
        } catch (error) {
          // A plan whose survivor withdrew the RETURN consent, for example, drops out of the list.
          if (error instanceof AccessDeniedError) continue;
          throw error;
        }
        await this.audit.record(manager, actor, {
          action: 'repatriation.plan',
          resourceType: 'repatriation-plan',
          resourceId: plan.id,
          categories: ['OPERATIONAL'],
          fields: ['repatriationPlan'],
          purpose: 'CASE_WORK',
          reason: decision.reason,
        });
        shown.push(await this.reader.read(manager, actor, 'repatriation.plan', plan, context));
      }
      return shown;
    });
    return [...held, ...(await this.assignments.list(actor))];
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AccessDeniedError, type AuthenticatedActor } from '@passage/shared';
import { ReferralsAccess, ReferralsAudit } from '../../platform/index.js';
import { CaseRecords } from '../../case-work/index.js';
import { planResourceContext } from '../repatriation-context.js';
import { StayPathwayEntity } from './entities/stay-pathway.entity.js';
import type { StayPathwayModel } from './graphql/stay-pathway.model.js';
import { StayPathwayReader } from './stay-pathway.reader.js';

/** How many pathways one call returns, most recently changed first. */
const LIST_LIMIT = 100;

/**
 * The stay pathways an organisation works on: those it owns, of cases it owns, or in which it owns a
 * step. No coordinator sees them by jurisdiction alone. Each is shown as the policy allows, and each
 * read is audited.
 */
@Injectable()
export class StayPathwaysQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: CaseRecords,
    private readonly access: ReferralsAccess,
    private readonly audit: ReferralsAudit,
    private readonly reader: StayPathwayReader,
  ) {}

  async list(actor: AuthenticatedActor): Promise<StayPathwayModel[]> {
    this.access.authoriseAny(actor, 'stay-pathway.plan');
    return this.dataSource.transaction(async (manager) => {
      const pathways = await manager
        .getRepository(StayPathwayEntity)
        .createQueryBuilder('p')
        .innerJoin('case_file', 'c', 'c.id = p.case_id')
        .where(
          `p.owner_organisation_id = :org OR c.owner_organisation_id = :org
            OR EXISTS (SELECT 1 FROM stay_pathway_step s WHERE s.pathway_id = p.id AND s.owner_organisation_id = :org)`,
          { org: actor.organisationId },
        )
        .orderBy('p.updated_at', 'DESC')
        .limit(LIST_LIMIT)
        .getMany();
      const shown: StayPathwayModel[] = [];
      for (const pathway of pathways) {
        const loaded = await this.records.load(manager, pathway.caseId);
        const person = loaded?.persons.find((candidate) => candidate.id === pathway.personId);
        if (!loaded || !person) continue;
        const steps = await this.reader.steps(manager, pathway);
        const context = planResourceContext(this.records.personContext(loaded, person), pathway, steps);
        let decision;
        try {
          decision = this.access.authorise(actor, 'stay-pathway.plan', context);
        } catch (error) {
          // A pathway whose survivor withdrew the STAY_PATHWAY consent drops out of the list.
          if (error instanceof AccessDeniedError) continue;
          throw error;
        }
        await this.audit.record(manager, actor, {
          action: 'stay-pathway.plan',
          resourceType: 'stay-pathway',
          resourceId: pathway.id,
          categories: ['OPERATIONAL', 'LEGAL'],
          fields: ['stayPathway'],
          purpose: 'CASE_WORK',
          reason: decision.reason,
        });
        shown.push(await this.reader.read(manager, actor, pathway, context));
      }
      return shown;
    });
  }
}

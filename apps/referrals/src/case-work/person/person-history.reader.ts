import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DATA_CATEGORIES, type DataCategory } from '@passage/schemas';
import type { AuthenticatedActor } from '@passage/shared';
import { CaseAudit, ReferralsAccess } from '../../platform/index.js';
import { CaseRecords } from '../case/case-records.js';
import { PersonRevisionEntity } from './entities/person-revision.entity.js';
import type { PersonRevisionModel } from './graphql/person-revision.model.js';
import type { PersonFieldValue } from './person-changes.js';
import { PERSON_FIELD_CATEGORIES } from './person-fields.js';

/**
 * A person's versions as the caller may see them: every revision with who and when, and of its changes
 * only those in categories the caller may read about this person (the others are named by category).
 * The read is audited like a read of the case, field by field.
 */
@Injectable()
export class PersonHistoryReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: CaseRecords,
    private readonly access: ReferralsAccess,
    private readonly audit: CaseAudit,
  ) {}

  read(actor: AuthenticatedActor, caseId: string, personId: string): Promise<PersonRevisionModel[]> {
    return this.dataSource.transaction(async (manager) => {
      const { personContext, decision } = await this.records.authorisePerson(
        manager,
        actor,
        'case.read',
        caseId,
        personId,
        'personId',
      );
      const access = this.access.visibleCategories(actor, 'case.read', personContext, DATA_CATEGORIES);
      const revisions = await manager.find(PersonRevisionEntity, {
        where: { personId },
        order: { version: 'ASC' },
      });
      const fields = new Set<string>();
      const categories = new Set<DataCategory>(['OPERATIONAL']);
      const models = revisions.map((revision) => {
        const withheld = new Set<DataCategory>();
        const changes = [];
        for (const change of revision.changes) {
          const category = PERSON_FIELD_CATEGORIES[change.field];
          if (access[category] !== 'ALLOW') {
            withheld.add(category);
            continue;
          }
          fields.add(`personRevisions.${change.field}`);
          categories.add(category);
          changes.push({ field: change.field, category, from: asJson(change.from), to: asJson(change.to) });
        }
        return {
          version: revision.version,
          changedByUserId: revision.changedBy,
          changedByOrganisationId: revision.changedByOrganisationId,
          changedAt: revision.changedAt,
          changes,
          withheldCategories: [...withheld],
        };
      });
      await this.audit.recordAudit(manager, actor, {
        action: 'case.read',
        decision,
        resourceType: 'case',
        resourceId: caseId,
        categories,
        fields,
      });
      return models;
    });
  }
}

function asJson(value: PersonFieldValue): string | null {
  return value === null ? null : JSON.stringify(value);
}

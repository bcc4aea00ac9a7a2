import type { EntityManager } from 'typeorm';

/** The plans this node holds, by what sharing them asks that TypeORM's query builder would only obscure. */
export class RepatriationPlans {
  /** Counts one more share of the plan and answers the new revision, which receivers compare. */
  async nextSharedRevision(manager: EntityManager, planId: string): Promise<number> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
    const [[{ shared_revision: revision }]] = (await manager.query(
      `UPDATE repatriation_plan SET shared_revision = shared_revision + 1 WHERE id = $1 RETURNING shared_revision`,
      [planId],
    )) as [[{ shared_revision: number }], number];
    return revision;
  }
}

import type { EntityManager } from 'typeorm';

/** The facts about a request the policy decides on: the plan's owner and jurisdiction, the case's country. */
export interface ExitClearancePolicyFacts {
  id: string;
  owner_organisation_id: string;
  owner_country: string;
  jurisdiction_country: string;
}

/** Exit-clearance requests and the attestations they rest on, by what the exit-clearance side asks. */
export class ExitClearanceRequests {
  /** For each request, who owns the plan behind it and which countries it concerns. */
  async policyFacts(
    manager: EntityManager,
    requestIds: readonly string[],
  ): Promise<ExitClearancePolicyFacts[]> {
    return (await manager.query(
      `SELECT r.id, p.owner_organisation_id, c.owner_country, p.jurisdiction_country
         FROM exit_clearance_request r
         JOIN repatriation_plan p ON p.id = r.plan_id
         JOIN case_file c ON c.id = p.case_id
        WHERE r.id = ANY($1)`,
      [requestIds],
    )) as ExitClearancePolicyFacts[];
  }

  /** The document bindings of the person's attestations with this code hash that are still valid at `now`. */
  async validAttestationBindings(
    manager: EntityManager,
    attestation: { keyId: string; codeHash: string; personId: string; now: Date },
  ): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT document_binding FROM protection_attestation
          WHERE key_id = $1 AND code_hash = $2 AND person_id = $3 AND revoked_at IS NULL AND valid_until > $4`,
      [attestation.keyId, attestation.codeHash, attestation.personId, attestation.now],
    )) as { document_binding: string }[];
    return rows.map((row) => row.document_binding);
  }
}

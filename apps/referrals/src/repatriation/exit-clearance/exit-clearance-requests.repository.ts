import type { EntityManager } from 'typeorm';
import type { BindingSubject, StoredBindings } from '@passage/shared';

/** The facts about a request the policy decides on: the plan's owner and jurisdiction, the case's country. */
export interface ExitClearancePolicyFacts {
  id: string;
  owner_organisation_id: string;
  owner_country: string;
  jurisdiction_country: string;
}

/** What erasing a request's personal fields sets. */
const ERASED_FIELDS = `travel_document_number = NULL, name_on_travel_document = NULL,
  attestation_code_sealed = NULL, attestation_code_key_id = NULL`;

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

  /**
   * The survivor withdrew RETURN consent: the person's pending requests are withdrawn, and every request
   * of theirs still holding personal fields loses them. Answers how many requests were erased.
   */
  async withdrawAndEraseForPerson(manager: EntityManager, personId: string, at: Date): Promise<number> {
    const [, erased] = (await manager.query(
      `UPDATE exit_clearance_request r
          SET status = CASE WHEN r.status = 'PENDING' THEN 'WITHDRAWN' ELSE r.status END,
              ${ERASED_FIELDS}, personal_data_erased_at = $2
         FROM repatriation_plan p
        WHERE p.id = r.plan_id AND p.person_id = $1 AND r.personal_data_erased_at IS NULL`,
      [personId, at],
    )) as [unknown, number];
    return erased;
  }

  /** Withdraws one pending request (a new request replaces it) and erases its personal fields. */
  async withdrawAndErase(manager: EntityManager, requestId: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE exit_clearance_request SET status = 'WITHDRAWN', ${ERASED_FIELDS}, personal_data_erased_at = $2
        WHERE id = $1`,
      [requestId, at],
    );
  }

  /** Erases the personal fields of requests answered at or before `answeredBy`; answers how many. */
  async eraseAnsweredBy(manager: EntityManager, answeredBy: Date, at: Date): Promise<number> {
    const [, erased] = (await manager.query(
      `UPDATE exit_clearance_request SET ${ERASED_FIELDS}, personal_data_erased_at = $2
        WHERE status IN ('GRANTED', 'REFUSED') AND personal_data_erased_at IS NULL AND responded_at <= $1`,
      [answeredBy, at],
    )) as [unknown, number];
    return erased;
  }

  /**
   * The bindings of the person's attestations with this code hash that stand at `now`: neither revoked
   * nor suspended nor expired, as immigration's own verification would find them.
   */
  async standingAttestationBindings(
    manager: EntityManager,
    attestation: { keyId: string; codeHash: string; personId: string; now: Date },
  ): Promise<StoredBindings[]> {
    const rows = (await manager.query(
      `SELECT id, key_id, binding_subject, document_binding, date_of_birth_binding, holder_pin_binding
         FROM protection_attestation
        WHERE key_id = $1 AND code_hash = $2 AND person_id = $3
          AND revoked_at IS NULL AND suspended_at IS NULL AND valid_until > $4`,
      [attestation.keyId, attestation.codeHash, attestation.personId, attestation.now],
    )) as {
      id: string;
      key_id: string;
      binding_subject: BindingSubject;
      document_binding: string | null;
      date_of_birth_binding: string | null;
      holder_pin_binding: string | null;
    }[];
    return rows.map((row) => ({
      attestationId: row.id,
      keyId: row.key_id,
      bindingSubject: row.binding_subject,
      documentBinding: row.document_binding,
      dateOfBirthBinding: row.date_of_birth_binding,
      holderPinBinding: row.holder_pin_binding,
    }));
  }
}

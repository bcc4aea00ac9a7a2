import type { DataCategory, HandoffPacket } from '@passage/schemas';
import type { IdentificationDecisionEntity } from '../../case-work/index.js';
import type { PersonEntity } from '../../case-work/index.js';

/**
 * Builds what crosses the border: operational facts always (age band, languages, needs), then only the
 * categories being shared. A category not shared is absent from the packet, so the receiving node never
 * holds it, not even as an empty field.
 */
export function buildHandoffPacket(
  person: PersonEntity,
  decisions: readonly IdentificationDecisionEntity[],
  shared: ReadonlySet<DataCategory>,
): HandoffPacket {
  return {
    ...(shared.has('IDENTITY')
      ? {
          identity: {
            name: person.name,
            alias: person.alias,
            nationality: person.nationality,
            gender: person.gender,
          },
        }
      : {}),
    ...(shared.has('CONTACT') ? { contact: { contact: person.contact } } : {}),
    ...(shared.has('LOCATION') ? { location: { currentLocation: person.currentLocation } } : {}),
    ...(shared.has('HEALTH')
      ? { health: { pregnant: person.pregnant, medicalNotes: person.medicalNotes } }
      : {}),
    ...(shared.has('SEXUAL_VIOLENCE')
      ? { sexualViolence: { sexualViolenceDisclosed: person.sexualViolenceDisclosed } }
      : {}),
    ...(shared.has('LEGAL')
      ? { legal: { documentType: person.documentType, documentNumber: person.documentNumber } }
      : {}),
    ...(shared.has('NARRATIVE') ? { narrative: { narrative: person.narrative } } : {}),
    operational: {
      ageBand: person.ageBand,
      minor: null,
      languages: person.languages,
      immediateNeeds: person.immediateNeeds,
      urgentMedicalNeed: person.urgentMedicalNeed,
    },
    // The decisions travel so the receiving country can recognise them instead of identifying again.
    identificationDecisions: shared.has('LEGAL')
      ? decisions.map((decision) => ({
          jurisdictionCountry: decision.jurisdictionCountry,
          status: decision.status,
          legalBasis: decision.legalBasis,
          decidedAt: decision.decidedAt.toISOString(),
        }))
      : [],
  };
}

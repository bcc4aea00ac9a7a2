import type { DataCategory } from '@passage/schemas';
import type { FieldAccess } from '@passage/shared';
import type { RescueRequestModel } from './graphql/rescue-request.model.js';
import type {
  RescueLocationRow,
  RescuePersonRow,
  RescueRequestRow,
  RescueStatusChangeRow,
} from './rescue-request.rows.js';

/** The data categories a rescue-request view can hold, for the access policy to decide on. */
export const RESCUE_REQUEST_CATEGORIES = [
  'IDENTITY',
  'LOCATION',
  'CONTACT',
  'HEALTH',
  'OPERATIONAL',
] as const satisfies readonly DataCategory[];

/** Every personal field of the view with its category: what the audit record names when it is shown. */
export const RESCUE_REQUEST_FIELDS: readonly {
  name: string;
  category: (typeof RESCUE_REQUEST_CATEGORIES)[number];
}[] = [
  { name: 'people.nameOrAlias', category: 'IDENTITY' },
  { name: 'people.nationality', category: 'IDENTITY' },
  { name: 'people.gender', category: 'IDENTITY' },
  { name: 'people.pregnant', category: 'HEALTH' },
  { name: 'people.ageBand', category: 'OPERATIONAL' },
  { name: 'people.languages', category: 'OPERATIONAL' },
  { name: 'people.urgentMedicalNeed', category: 'OPERATIONAL' },
  { name: 'othersNames', category: 'IDENTITY' },
  { name: 'othersCount', category: 'OPERATIONAL' },
  { name: 'locations', category: 'LOCATION' },
  { name: 'safeContact', category: 'CONTACT' },
  { name: 'risks', category: 'OPERATIONAL' },
  { name: 'status', category: 'OPERATIONAL' },
];

type Visible = Record<(typeof RESCUE_REQUEST_CATEGORIES)[number], FieldAccess>;

/**
 * Shapes one copy of a request for a reader, nulling every field of a category the policy withholds:
 * names are IDENTITY, places LOCATION, the safe contact CONTACT, pregnancy HEALTH; the rest is operational.
 */
export function rescueRequestView(
  row: RescueRequestRow,
  details: { people: RescuePersonRow[]; locations: RescueLocationRow[]; history: RescueStatusChangeRow[] },
  visible: Visible,
  now: Date,
): RescueRequestModel {
  const shows = (category: keyof Visible) => visible[category] === 'ALLOW';
  const terminal = row.status === 'RESOLVED' || row.status === 'CLOSED';
  return {
    id: row.request_id,
    reference: row.reference,
    side: row.copy,
    requesterOrganisation: row.requester_org_name,
    requesterCountry: row.requester_country,
    jurisdictionCountry: row.jurisdiction_country,
    status: row.status,
    outcome: row.resolution_outcome,
    submittedAt: row.submitted_at,
    statusChangedAt: row.status_changed_at,
    dueAt: row.due_at,
    overdue: !terminal && row.due_at !== null && row.due_at < now,
    escalated: row.escalated_at !== null,
    people: details.people.map((person) => ({
      nameOrAlias: shows('IDENTITY') ? person.name_or_alias : null,
      nationality: shows('IDENTITY') ? person.nationality : null,
      gender: shows('IDENTITY') ? person.gender : null,
      ageBand: person.age_band,
      minor: person.minor,
      pregnant: shows('HEALTH') ? person.pregnant : null,
      languages: person.languages,
      urgentMedicalNeed: person.urgent_medical_need,
    })),
    othersCount: row.others_count,
    othersNames: shows('IDENTITY') ? row.others_names : null,
    peopleReported: details.people.length + row.others_count,
    locations: shows('LOCATION')
      ? details.locations.map((location) => ({
          compoundName: location.compound_name,
          landmarks: location.landmarks,
          district: location.district,
          province: location.province,
          country: location.country,
          latitude: location.latitude,
          longitude: location.longitude,
          insideSpecialEconomicZone: location.inside_sez,
          reportedAt: location.reported_at,
        }))
      : null,
    risks: row.risks,
    safeContact: shows('CONTACT') ? row.safe_contact : null,
    compoundId: row.compound_id,
    history: details.history.map((change) => ({
      fromStatus: change.from_status,
      toStatus: change.to_status,
      outcome: change.outcome,
      reason: change.reason,
      changedBy: change.changed_by_org_name,
      changedAt: change.changed_at,
    })),
  };
}

import type { RescueOutcome, RescueRequestStatus } from '@passage/schemas';

/** Which side of a rescue request a row is: the organisation that asked, or the country that acts. */
export type RescueRequestCopy = 'REQUESTER' | 'JURISDICTION';

export interface RescueRequestRow {
  id: string;
  request_id: string;
  copy: RescueRequestCopy;
  reference: string;
  requester_org_id: string;
  requester_org_name: string;
  requester_country: string;
  reporter_kind: string;
  on_behalf_of: string;
  reported_via: string | null;
  jurisdiction_country: string;
  compound_id: string | null;
  status: RescueRequestStatus;
  resolution_outcome: RescueOutcome | null;
  others_count: number;
  others_names: string[];
  risks: string[];
  safe_contact: {
    channel: string;
    handle: string | null;
    windows: string | null;
    doNotContact: boolean;
    intermediary: string | null;
  } | null;
  submitted_at: Date;
  status_changed_at: Date;
  due_at: Date | null;
  escalated_at: Date | null;
}

export interface RescuePersonRow {
  id: string;
  rescue_request_id: string;
  position: number;
  name_or_alias: string;
  nationality: string;
  gender: string;
  age_band: string;
  minor: boolean;
  pregnant: boolean | null;
  languages: string[];
  urgent_medical_need: boolean;
}

export interface RescueLocationRow {
  id: string;
  rescue_request_id: string;
  compound_name: string;
  landmarks: string | null;
  district: string | null;
  province: string;
  country: string;
  latitude: number | null;
  longitude: number | null;
  inside_sez: boolean | null;
  reported_at: Date;
}

export interface RescueStatusChangeRow {
  id: string;
  rescue_request_id: string;
  from_status: RescueRequestStatus | null;
  to_status: RescueRequestStatus;
  outcome: RescueOutcome | null;
  reason: string | null;
  changed_by_user_id: string | null;
  changed_by_org_name: string;
  changed_at: Date;
}

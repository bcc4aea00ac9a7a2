import type { DataCategory, handoffStatusChangedV1 } from '@passage/schemas';
import type { AppendEventInput } from '@passage/shared';
import type { HandoffSide } from './handoff-timeline.js';

export type HandoffStatus = 'OFFERED' | 'ACCEPTED' | 'DECLINED' | 'CONSENT_WITHDRAWN';

/** The node-internal event either side appends whenever a handoff's status changes on its side. */
export function handoffStatusChanged(
  handoffId: string,
  side: HandoffSide,
  status: HandoffStatus,
  counterpartCountry: string,
  sharedCategories: DataCategory[],
): AppendEventInput<typeof handoffStatusChangedV1> {
  return {
    aggregateId: handoffId,
    payload: { handoffId, side, status, counterpartCountry, sharedCategories },
  };
}

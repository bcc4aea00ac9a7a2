import type { EntityManager } from 'typeorm';
import { IdentificationDecisionEntity } from '../identification/entities/identification-decision.entity.js';
import { grantsNonPunishmentProtection } from '../identification/identification-lifecycle.js';
import { timeDetainedAfterProtection } from './detention-time.js';
import { DetentionEntity } from './entities/detention.entity.js';
import { NonPunishmentNoticeEntity } from './entities/non-punishment-notice.entity.js';
import { PenaltyEntity } from './entities/penalty.entity.js';
import type { DetentionRecordModel } from './graphql/detention.model.js';

const SECOND = 1000;
const DAY = 24 * 3600 * SECOND;

/**
 * The detention and punishment records of a case, one per person with anything recorded, for the people
 * `visible` accepts only (LEGAL data). The time detained after reasonable grounds is computed here, at
 * `now`, so it keeps running while the person is held.
 */
export async function readDetentionRecords(
  manager: EntityManager,
  caseId: string,
  visible: (personId: string) => boolean,
  now: Date,
): Promise<DetentionRecordModel[]> {
  const order = { recordedAt: 'ASC', id: 'ASC' } as const;
  const detentions = (
    await manager.find(DetentionEntity, { where: { caseId }, order: { detainedSince: 'ASC', ...order } })
  ).filter((row) => visible(row.personId));
  const penalties = (
    await manager.find(PenaltyEntity, { where: { caseId }, order: { imposedAt: 'ASC', ...order } })
  ).filter((row) => visible(row.personId));
  const notices = (
    await manager.find(NonPunishmentNoticeEntity, { where: { caseId }, order: { sentAt: 'ASC', ...order } })
  ).filter((row) => visible(row.personId));
  const people = [...new Set([...detentions, ...penalties, ...notices].map((row) => row.personId))];
  if (people.length === 0) return [];
  const protectedSince = await firstProtectionByPerson(manager, caseId);

  return people.map((personId) => {
    const own = detentions.filter((row) => row.personId === personId);
    const time = timeDetainedAfterProtection(own, protectedSince.get(personId) ?? new Map(), now);
    return {
      personId,
      detainedNow: own.some((row) => row.releasedAt === null),
      secondsDetainedAfterReasonableGrounds: seconds(time.totalMs),
      daysDetainedAfterReasonableGrounds:
        time.totalMs === null ? null : Math.round((time.totalMs / DAY) * 10) / 10,
      detentions: own.map((row, index) => ({
        id: row.id,
        personId: row.personId,
        country: row.country,
        facility: row.facility,
        place: row.place,
        authority: row.authority,
        detainedSince: row.detainedSince,
        releasedAt: row.releasedAt,
        releaseBasis: row.releaseBasis,
        releaseNoticeId: row.releaseNoticeId,
        secondsAfterReasonableGrounds: seconds(time.perSpan[index]),
      })),
      penalties: penalties
        .filter((row) => row.personId === personId)
        .map((row) => ({
          id: row.id,
          personId: row.personId,
          kind: row.kind,
          country: row.country,
          authority: row.authority,
          description: row.description,
          imposedAt: row.imposedAt,
          status: row.status,
          statusChangedAt: row.statusChangedAt,
          amount: row.amount,
          currency: row.currency,
          until: row.until,
          nonPunishmentNoticeId: row.nonPunishmentNoticeId,
        })),
      nonPunishmentNotices: notices
        .filter((row) => row.personId === personId)
        .map((row) => ({
          id: row.id,
          personId: row.personId,
          country: row.country,
          toAuthority: row.toAuthority,
          sentAt: row.sentAt,
          effect: row.effect,
          effectNote: row.effectNote,
          effectAt: row.effectAt,
        })),
    };
  });
}

/**
 * When each person was first protected in each country: the decision date of the earliest
 * reasonable-grounds (or better) decision there. A later negative decision does not move it back: the
 * time held while protected was held while protected.
 */
async function firstProtectionByPerson(
  manager: EntityManager,
  caseId: string,
): Promise<Map<string, Map<string, Date>>> {
  const decisions = await manager.find(IdentificationDecisionEntity, { where: { caseId } });
  const result = new Map<string, Map<string, Date>>();
  for (const decision of decisions) {
    if (!grantsNonPunishmentProtection(decision.status)) continue;
    const byCountry = result.get(decision.personId) ?? new Map<string, Date>();
    const known = byCountry.get(decision.jurisdictionCountry);
    if (!known || decision.decidedAt < known) byCountry.set(decision.jurisdictionCountry, decision.decidedAt);
    result.set(decision.personId, byCountry);
  }
  return result;
}

function seconds(ms: number | null): number | null {
  return ms === null ? null : Math.floor(ms / SECOND);
}

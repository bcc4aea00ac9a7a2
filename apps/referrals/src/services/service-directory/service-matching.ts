import type { ServiceType } from '@passage/schemas';
import type { AgeBand, Gender } from '../../case-work/index.js';

/** Who a service takes, by the status the person's identification has reached. */
export const SERVICE_ELIGIBILITIES = ['PRESUMED_VICTIM', 'IDENTIFIED_VICTIM', 'ANY'] as const;
export type ServiceEligibility = (typeof SERVICE_ELIGIBILITIES)[number];

/**
 * The status a person has reached, as a search states it. NOT_INDICATED: screened, and no trafficking
 * indicated; only services that take anyone (a service for vulnerable migrants) match.
 */
export const VICTIM_STATUSES = [
  'NOT_YET_SCREENED',
  'PRESUMED_VICTIM',
  'IDENTIFIED_VICTIM',
  'NOT_INDICATED',
] as const;
export type VictimStatus = (typeof VICTIM_STATUSES)[number];

/** The criteria a search can leave unmet; type and country are never relaxed. */
export const SERVICE_CRITERIA = [
  'STATE_PROVINCE',
  'GENDER',
  'AGE_BAND',
  'LANGUAGE',
  'FREE_CAPACITY',
  'ELIGIBILITY',
] as const;
export type ServiceCriterion = (typeof SERVICE_CRITERIA)[number];

/** What the matching needs from a listed service. */
export interface ServiceFacts {
  serviceType: ServiceType;
  country: string;
  stateProvince: string | null;
  capacityAvailable: number | null;
  genders: readonly Gender[];
  ageBands: readonly AgeBand[];
  languages: readonly string[];
  eligibility: ServiceEligibility;
}

/** The needs of a case, as a search states them; absent fields do not filter. */
export interface ServiceNeeds {
  stateProvince?: string | null;
  gender?: Gender | null;
  ageBand?: AgeBand | null;
  /** Languages the person speaks; one in common with the service is enough. */
  languages?: readonly string[];
  needsFreeCapacity?: boolean;
  victimStatus?: VictimStatus | null;
}

/**
 * Whether a listing's eligibility fits its type: a service for vulnerable migrants is there for whoever a
 * screening did not find trafficked, so it takes anyone.
 */
export function eligibilityFitsType(serviceType: ServiceType, eligibility: ServiceEligibility): boolean {
  return serviceType !== 'VULNERABLE_MIGRANT_SUPPORT' || eligibility === 'ANY';
}

const ELIGIBLE: Readonly<Record<ServiceEligibility, readonly VictimStatus[]>> = {
  ANY: VICTIM_STATUSES,
  PRESUMED_VICTIM: ['PRESUMED_VICTIM', 'IDENTIFIED_VICTIM'],
  IDENTIFIED_VICTIM: ['IDENTIFIED_VICTIM'],
};

/**
 * The criteria `service` fails for `needs`, in a fixed order; empty for a match. A service that does not
 * track capacity never counts as having a free place, and a province is compared without regard to case
 * or surrounding spaces.
 */
export function unmetCriteria(service: ServiceFacts, needs: ServiceNeeds): ServiceCriterion[] {
  const unmet: ServiceCriterion[] = [];
  if (needs.stateProvince && normalise(service.stateProvince) !== normalise(needs.stateProvince)) {
    unmet.push('STATE_PROVINCE');
  }
  if (needs.gender && !service.genders.includes(needs.gender)) unmet.push('GENDER');
  if (needs.ageBand && !service.ageBands.includes(needs.ageBand)) unmet.push('AGE_BAND');
  if (needs.languages && needs.languages.length > 0) {
    if (!needs.languages.some((language) => service.languages.includes(language))) unmet.push('LANGUAGE');
  }
  if (needs.needsFreeCapacity && !(service.capacityAvailable !== null && service.capacityAvailable > 0)) {
    unmet.push('FREE_CAPACITY');
  }
  if (needs.victimStatus && !ELIGIBLE[service.eligibility].includes(needs.victimStatus)) {
    unmet.push('ELIGIBILITY');
  }
  return unmet;
}

/** A service that fails some criteria, and which ones. */
export interface NearMiss<TService> {
  service: TService;
  unmet: ServiceCriterion[];
}

/**
 * Splits candidates into matches and near misses (services that fail exactly one criterion). Nothing is
 * relaxed silently: a near miss is always returned with the criterion it fails, so "no shelter takes men
 * here" is said plainly instead of answered with a shelter for women.
 */
export function matchServices<TService extends ServiceFacts>(
  candidates: readonly TService[],
  needs: ServiceNeeds,
): { matches: TService[]; nearMisses: NearMiss<TService>[] } {
  const matches: TService[] = [];
  const nearMisses: NearMiss<TService>[] = [];
  for (const service of candidates) {
    const unmet = unmetCriteria(service, needs);
    if (unmet.length === 0) matches.push(service);
    else if (unmet.length === 1) nearMisses.push({ service, unmet });
  }
  return { matches, nearMisses };
}

function normalise(text: string | null | undefined): string {
  return (text ?? '').trim().toLocaleLowerCase('en');
}

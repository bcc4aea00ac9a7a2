import { z } from 'zod';
import {
  INDICATOR_ELEMENTS,
  OBSERVATION_ANSWERS,
  findIndicator,
  isIndicatorCode,
  isNeverCountsAgainstCode,
  type IndicatorCode,
  type IndicatorElement,
  type NeverCountsAgainstCode,
  type ObservationAnswer,
  type ScreeningOutcome,
  type ScreeningReasonCode,
} from '@passage/schemas';

/** One answer of a screening: an indicator of the catalogue and what the screener found. */
export interface IndicatorObservation {
  code: IndicatorCode;
  observed: ObservationAnswer;
}

/** What a screening suggestion is computed from. */
export interface ScreeningInput {
  /** At most one observation per indicator; indicators not asked about are simply left out. */
  observations: readonly IndicatorObservation[];
  /**
   * True for a person under 18, and for a person whose age is uncertain but who may be a child, pending
   * an age assessment: child protection practice gives the benefit of the doubt.
   */
  isChild: boolean;
}

/** Runtime schema for a screening input arriving from outside (GraphQL input, handoff packet). */
export const screeningInputSchema = z.object({
  observations: z
    .array(
      z.object({
        code: z.string().refine(isIndicatorCode, 'must be an indicator code of the catalogue'),
        observed: z.enum(OBSERVATION_ANSWERS),
      }),
    )
    .refine(
      (list) => new Set(list.map((item) => item.code)).size === list.length,
      'one observation per indicator',
    ),
  isChild: z.boolean(),
});

/** One ground for the suggestion, with the indicators it rests on. */
export interface ScreeningReason {
  code: ScreeningReasonCode;
  /** The indicators the reason rests on (observed ones, or the unknown ones for MOSTLY_UNKNOWN). */
  indicatorCodes: readonly IndicatorCode[];
}

/** The suggested outcome, why, and which elements remain unexplored. */
export interface ScreeningSuggestion {
  outcome: ScreeningOutcome;
  reasons: readonly ScreeningReason[];
  /**
   * The trafficking elements that still lack an observed indicator for this person (means are left out
   * for a child): what the next conversation could explore, never a reason to doubt the person.
   */
  elementsWithoutEvidence: readonly IndicatorElement[];
}

/** Thrown when observations name unknown indicators or the same indicator twice. */
export class InvalidScreeningInputError extends Error {
  readonly code = 'INVALID_SCREENING_INPUT';

  constructor(
    readonly unknownCodes: readonly string[],
    readonly duplicateCodes: readonly string[],
  ) {
    super(
      `Invalid screening input: unknown indicator codes [${unknownCodes.join(', ')}], ` +
        `repeated indicator codes [${duplicateCodes.join(', ')}]`,
    );
    this.name = 'InvalidScreeningInputError';
  }
}

/**
 * Suggests a screening outcome from the indicators a screener observed. It is a suggestion for the
 * person screening, who decides; it never replaces an identification decision.
 *
 * The rule follows how the frameworks are meant to be read:
 * - Trafficking is defined by three elements (an act, a means and an exploitative purpose). When each
 *   has at least one observed indicator the person is a presumed victim. Observed ILO indicators count
 *   for the element they are mapped to (most are forms of coercion, i.e. means). For a child, the
 *   Protocol does not require any means, so act and purpose suffice.
 * - ILO guidance treats a forced-labour situation as one the person cannot leave or works in under threat
 *   of a penalty, usually shown by several indicators together; two or more ILO indicators including at
 *   least one strong one (see the ILO catalogue) are enough for a presumption.
 * - UNODC's annex warns that a single indicator may not establish trafficking while several call for
 *   urgent further inquiry: one observed indicator alone is therefore always INCONCLUSIVE, and so are
 *   several that meet neither rule.
 * - Nothing can be ruled out from silence: with no indicator observed, the outcome is NOT_INDICATED only
 *   when more than half of the observations are a firm "no"; otherwise it is INCONCLUSIVE.
 * Unknown answers never weaken a presumption that observed indicators already support.
 *
 * @throws InvalidScreeningInputError for unknown or repeated indicator codes.
 */
export function suggestScreeningOutcome(input: ScreeningInput): ScreeningSuggestion {
  assertValidObservations(input.observations);

  // Validated above, so every code resolves; flatMap only narrows the type.
  const observed = input.observations
    .filter((item) => item.observed === 'YES')
    .flatMap((item) => findIndicator(item.code) ?? []);
  const unknown = input.observations.filter((item) => item.observed === 'UNKNOWN').map((item) => item.code);
  const answeredNo = input.observations.filter((item) => item.observed === 'NO').length;
  const observedCodes = observed.map((indicator) => indicator.code);

  const requiredElements: readonly IndicatorElement[] = input.isChild
    ? INDICATOR_ELEMENTS.filter((element) => element !== 'MEANS')
    : INDICATOR_ELEMENTS;
  const elementsWithoutEvidence = requiredElements.filter(
    (element) => !observed.some((indicator) => indicator.element === element),
  );

  const presumptions: ScreeningReason[] = [];
  if (elementsWithoutEvidence.length === 0) {
    presumptions.push({
      code: input.isChild ? 'CHILD_ACT_AND_PURPOSE_EVIDENCED' : 'TRAFFICKING_ELEMENTS_EVIDENCED',
      indicatorCodes: observed
        .filter((indicator) => requiredElements.includes(indicator.element))
        .map((indicator) => indicator.code),
    });
  }
  const iloObserved = observed.filter((indicator) => indicator.framework === 'ILO_FORCED_LABOUR');
  if (iloObserved.length >= 2 && iloObserved.some((indicator) => indicator.strength === 'STRONG')) {
    presumptions.push({
      code: 'ILO_FORCED_LABOUR_INDICATORS',
      indicatorCodes: iloObserved.map((indicator) => indicator.code),
    });
  }
  if (presumptions.length > 0) {
    return { outcome: 'PRESUMED_VICTIM', reasons: presumptions, elementsWithoutEvidence };
  }

  const mostlyUnknown: ScreeningReason[] =
    unknown.length * 2 >= input.observations.length && unknown.length > 0
      ? [{ code: 'MOSTLY_UNKNOWN', indicatorCodes: unknown }]
      : [];

  if (observed.length > 0) {
    const code: ScreeningReasonCode = observed.length === 1 ? 'SINGLE_INDICATOR' : 'FURTHER_INQUIRY_NEEDED';
    return {
      outcome: 'INCONCLUSIVE',
      reasons: [{ code, indicatorCodes: observedCodes }, ...mostlyUnknown],
      elementsWithoutEvidence,
    };
  }
  if (input.observations.length === 0) {
    return {
      outcome: 'INCONCLUSIVE',
      reasons: [{ code: 'NOTHING_ASSESSED', indicatorCodes: [] }],
      elementsWithoutEvidence,
    };
  }
  if (answeredNo * 2 > input.observations.length) {
    return {
      outcome: 'NOT_INDICATED',
      reasons: [{ code: 'NO_INDICATOR_OBSERVED', indicatorCodes: [] }],
      elementsWithoutEvidence,
    };
  }
  return { outcome: 'INCONCLUSIVE', reasons: mostlyUnknown, elementsWithoutEvidence };
}

/**
 * The codes in a proposed list of negative indicators (facts recorded as pointing away from trafficking)
 * that name facts which never count against a person: a contract, wages, lawful or voluntary entry,
 * prior knowledge of the scam work, a phone, scams committed under coercion. Returned in the order given,
 * without repeats. An empty result means the list may be recorded; otherwise the caller must refuse it
 * and name these codes.
 */
export function neverCountsAgainstViolations(
  negativeIndicatorCodes: readonly string[],
): NeverCountsAgainstCode[] {
  return [...new Set(negativeIndicatorCodes.filter(isNeverCountsAgainstCode))];
}

function assertValidObservations(observations: readonly IndicatorObservation[]): void {
  const unknownCodes = observations.map((item) => item.code).filter((code) => !isIndicatorCode(code));
  const seen = new Set<string>();
  const duplicateCodes = new Set<string>();
  for (const { code } of observations) {
    if (seen.has(code)) duplicateCodes.add(code);
    seen.add(code);
  }
  if (unknownCodes.length > 0 || duplicateCodes.size > 0) {
    throw new InvalidScreeningInputError([...new Set(unknownCodes)], [...duplicateCodes]);
  }
}

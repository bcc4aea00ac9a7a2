/**
 * The words of a screening that the screening events and the GraphQL schema name. How an outcome is
 * suggested from the answers is a rule of the referrals service (case work).
 */

/** A screener's answer for one indicator: seen in the account or evidence, ruled out, or not known. */
export const OBSERVATION_ANSWERS = ['YES', 'NO', 'UNKNOWN'] as const;
export type ObservationAnswer = (typeof OBSERVATION_ANSWERS)[number];

/** The outcomes a screening can suggest; the screener confirms or overrides them. */
export const SCREENING_OUTCOMES = ['PRESUMED_VICTIM', 'NOT_INDICATED', 'INCONCLUSIVE'] as const;
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number];

/** Why the suggestion came out as it did. Stable: screens and reports translate them. */
export const SCREENING_REASON_CODES = [
  /** An adult: act, means and purpose each have at least one observed indicator. */
  'TRAFFICKING_ELEMENTS_EVIDENCED',
  /** A child: act and purpose each have an observed indicator; means are not required. */
  'CHILD_ACT_AND_PURPOSE_EVIDENCED',
  /** At least two ILO forced-labour indicators observed, at least one of them strong. */
  'ILO_FORCED_LABOUR_INDICATORS',
  /** Exactly one indicator observed: not enough alone, but a reason to keep asking. */
  'SINGLE_INDICATOR',
  /** Several indicators observed without meeting a presumption: grounds to inquire further without delay. */
  'FURTHER_INQUIRY_NEEDED',
  /** No indicator observed and most were answered "no". */
  'NO_INDICATOR_OBSERVED',
  /** Too many answers are "unknown" to rule anything out. */
  'MOSTLY_UNKNOWN',
  /** No indicator was asked about at all. */
  'NOTHING_ASSESSED',
] as const;
export type ScreeningReasonCode = (typeof SCREENING_REASON_CODES)[number];

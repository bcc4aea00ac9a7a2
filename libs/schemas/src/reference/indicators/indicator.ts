/**
 * The shape shared by every screening indicator, whatever framework it comes from. Indicators are
 * reference data: their codes are stored in screenings and travel in cross-border handoffs, so a code,
 * once published, never changes meaning and is never reused.
 */

/** The frameworks the catalogue draws on. */
export const INDICATOR_FRAMEWORKS = ['UNODC_FORCED_CRIMINALITY', 'ILO_FORCED_LABOUR'] as const;
export type IndicatorFramework = (typeof INDICATOR_FRAMEWORKS)[number];

/**
 * The three constituent elements of trafficking in the Trafficking in Persons Protocol: what was done
 * (act), how (means) and why (purpose, i.e. exploitation). ILO indicators are mapped to the closest one.
 */
export const INDICATOR_ELEMENTS = ['ACT', 'MEANS', 'PURPOSE'] as const;
export type IndicatorElement = (typeof INDICATOR_ELEMENTS)[number];

/** The stages of the trafficking process the UNODC annex groups its act indicators under. */
export const TRAFFICKING_STAGES = ['RECRUITMENT', 'TRANSPORT_TRANSFER', 'HARBOURING_RECEIPT'] as const;
export type TraffickingStage = (typeof TRAFFICKING_STAGES)[number];

/**
 * How much weight an indicator carries on its own in a screening. Only set where a classification exists
 * (see the ILO catalogue for where it comes from); the UNODC annex does not rank its indicators.
 */
export const INDICATOR_STRENGTHS = ['STRONG', 'MEDIUM'] as const;
export type IndicatorStrength = (typeof INDICATOR_STRENGTHS)[number];

/** A stable indicator code such as `UNODC-FC-MEANS-07` or `ILO-FL-03`. */
export type IndicatorCode = string;

/** The format every indicator code follows; two-digit numbering keeps codes sortable. */
export const INDICATOR_CODE_PATTERN = /^(UNODC-FC-(ACT|MEANS|PURPOSE)|ILO-FL)-\d{2}$/;

/** One sign that a person may have been trafficked or held in forced labour. */
export interface Indicator {
  code: IndicatorCode;
  framework: IndicatorFramework;
  element: IndicatorElement;
  /**
   * The stages the source ties the indicator to. Empty when it names none: the annex says means can be
   * used at any stage, and purpose indicators describe the exploitation itself.
   */
  stages: readonly TraffickingStage[];
  /** A few words for lists and checkboxes. */
  title: string;
  /** One or two plain sentences a caseworker can read out or check against an account. */
  description: string;
  strength?: IndicatorStrength;
}

import type { Indicator, IndicatorCode, IndicatorElement, IndicatorFramework } from './indicator.js';
import { ILO_FORCED_LABOUR_INDICATORS } from './ilo-forced-labour-indicators.js';
import { UNODC_FORCED_CRIMINALITY_INDICATORS } from './unodc-forced-criminality-indicators.js';

/** The whole screening catalogue: the UNODC forced-criminality indicators, then the eleven ILO ones. */
export const INDICATORS: readonly Indicator[] = [
  ...UNODC_FORCED_CRIMINALITY_INDICATORS,
  ...ILO_FORCED_LABOUR_INDICATORS,
];

const BY_CODE: ReadonlyMap<IndicatorCode, Indicator> = new Map(
  INDICATORS.map((indicator) => [indicator.code, indicator]),
);

/** The indicator with this code, or undefined when the catalogue has none. */
export function findIndicator(code: string): Indicator | undefined {
  return BY_CODE.get(code);
}

/** True when the code names an indicator of the catalogue. */
export function isIndicatorCode(code: string): boolean {
  return BY_CODE.has(code);
}

/** The indicators of one framework, in catalogue order. */
export function indicatorsByFramework(framework: IndicatorFramework): readonly Indicator[] {
  return INDICATORS.filter((indicator) => indicator.framework === framework);
}

/** The indicators mapped to one trafficking element, across frameworks, in catalogue order. */
export function indicatorsByElement(element: IndicatorElement): readonly Indicator[] {
  return INDICATORS.filter((indicator) => indicator.element === element);
}

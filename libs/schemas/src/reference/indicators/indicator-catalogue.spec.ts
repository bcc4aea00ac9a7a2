import { describe, expect, it } from '@jest/globals';
import {
  INDICATOR_CODE_PATTERN,
  INDICATOR_ELEMENTS,
  INDICATOR_FRAMEWORKS,
  TRAFFICKING_STAGES,
} from './indicator.js';
import {
  INDICATORS,
  findIndicator,
  indicatorsByElement,
  indicatorsByFramework,
  isIndicatorCode,
} from './indicator-catalogue.js';
import { ILO_FORCED_LABOUR_INDICATORS } from './ilo-forced-labour-indicators.js';
import {
  FORCED_CRIMINALITY_SCAM_SCHEMES,
  SCAM_OPERATIONS_INDICATOR_CODE,
  UNODC_FORCED_CRIMINALITY_INDICATORS,
} from './unodc-forced-criminality-indicators.js';
import {
  NEVER_COUNTS_AGAINST_CODES,
  NEVER_COUNTS_AGAINST_FACTS,
  isNeverCountsAgainstCode,
} from './never-counts-against-facts.js';

describe('indicator catalogue', () => {
  it('gives every indicator a unique code in the stable format', () => {
    const codes = INDICATORS.map((indicator) => indicator.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(INDICATOR_CODE_PATTERN);
  });

  it('encodes framework and element in the code', () => {
    for (const indicator of INDICATORS) {
      if (indicator.framework === 'UNODC_FORCED_CRIMINALITY') {
        expect(indicator.code.startsWith(`UNODC-FC-${indicator.element}-`)).toBe(true);
      } else {
        expect(indicator.code.startsWith('ILO-FL-')).toBe(true);
      }
    }
  });

  it('numbers each UNODC element and the ILO list from 01 without gaps', () => {
    const groups = [
      ...INDICATOR_ELEMENTS.map((element) =>
        UNODC_FORCED_CRIMINALITY_INDICATORS.filter((indicator) => indicator.element === element),
      ),
      ILO_FORCED_LABOUR_INDICATORS,
    ];
    for (const group of groups) {
      group.forEach((indicator, index) => {
        expect(indicator.code.slice(-2)).toBe(String(index + 1).padStart(2, '0'));
      });
    }
  });

  it('covers the UNODC annex item by item: 23 act, 27 means, 3 purpose', () => {
    expect(indicatorsByElement('ACT').filter((i) => i.framework === 'UNODC_FORCED_CRIMINALITY')).toHaveLength(
      23,
    );
    expect(
      indicatorsByElement('MEANS').filter((i) => i.framework === 'UNODC_FORCED_CRIMINALITY'),
    ).toHaveLength(27);
    expect(
      indicatorsByElement('PURPOSE').filter((i) => i.framework === 'UNODC_FORCED_CRIMINALITY'),
    ).toHaveLength(3);
    expect(indicatorsByFramework('UNODC_FORCED_CRIMINALITY')).toHaveLength(53);
  });

  it('ties act indicators to the annex stages and leaves means and purpose stage-free', () => {
    const act = indicatorsByFramework('UNODC_FORCED_CRIMINALITY').filter((i) => i.element === 'ACT');
    const countByStage = Object.fromEntries(
      TRAFFICKING_STAGES.map((stage) => [stage, act.filter((i) => i.stages.includes(stage)).length]),
    );
    expect(countByStage).toEqual({ RECRUITMENT: 10, TRANSPORT_TRANSFER: 9, HARBOURING_RECEIPT: 4 });
    for (const indicator of act) expect(indicator.stages).toHaveLength(1);
    for (const indicator of INDICATORS.filter((i) => i.element !== 'ACT'))
      expect(indicator.stages).toEqual([]);
  });

  it('keeps published codes bound to their meaning', () => {
    expect(findIndicator('UNODC-FC-ACT-01')?.stages).toEqual(['RECRUITMENT']);
    expect(findIndicator('UNODC-FC-ACT-11')?.stages).toEqual(['TRANSPORT_TRANSFER']);
    expect(findIndicator('UNODC-FC-ACT-20')?.stages).toEqual(['HARBOURING_RECEIPT']);
    expect(findIndicator('UNODC-FC-MEANS-11')?.title).toMatch(/documents/i);
    expect(findIndicator('UNODC-FC-MEANS-21')?.title).toMatch(/debt/i);
    expect(findIndicator('UNODC-FC-PURPOSE-02')?.title).toMatch(/scam/i);
    expect(findIndicator('ILO-FL-07')?.title).toBe('Retention of identity documents');
    expect(findIndicator('ILO-FL-09')?.title).toBe('Debt bondage');
  });

  it('has every element and every framework present', () => {
    for (const element of INDICATOR_ELEMENTS) expect(indicatorsByElement(element).length).toBeGreaterThan(0);
    for (const framework of INDICATOR_FRAMEWORKS)
      expect(indicatorsByFramework(framework).length).toBeGreaterThan(0);
  });

  it('lists the eleven ILO indicators, each with a strength and an element', () => {
    const ilo = indicatorsByFramework('ILO_FORCED_LABOUR');
    expect(ilo).toHaveLength(11);
    expect(ilo.map((indicator) => indicator.title)).toEqual([
      'Abuse of vulnerability',
      'Deception',
      'Restriction of movement',
      'Isolation',
      'Physical and sexual violence',
      'Intimidation and threats',
      'Retention of identity documents',
      'Withholding of wages',
      'Debt bondage',
      'Abusive working and living conditions',
      'Excessive overtime',
    ]);
    for (const indicator of ilo) {
      expect(['STRONG', 'MEDIUM']).toContain(indicator.strength);
      expect(INDICATOR_ELEMENTS).toContain(indicator.element);
    }
    expect(ilo.some((indicator) => indicator.strength === 'STRONG')).toBe(true);
    expect(ilo.some((indicator) => indicator.strength === 'MEDIUM')).toBe(true);
  });

  it('leaves UNODC indicators unranked, as the annex does', () => {
    for (const indicator of indicatorsByFramework('UNODC_FORCED_CRIMINALITY'))
      expect(indicator.strength).toBeUndefined();
  });

  it('writes titles and descriptions of a readable length', () => {
    for (const indicator of INDICATORS) {
      expect(indicator.title.length).toBeGreaterThan(3);
      expect(indicator.title.length).toBeLessThanOrEqual(60);
      expect(indicator.description.length).toBeGreaterThanOrEqual(20);
      expect(indicator.description.length).toBeLessThanOrEqual(300);
      expect(indicator.description).toMatch(/\.$/);
    }
  });

  it('finds indicators by code and nothing else', () => {
    for (const indicator of INDICATORS) expect(findIndicator(indicator.code)).toBe(indicator);
    expect(findIndicator('UNODC-FC-ACT-99')).toBeUndefined();
    expect(findIndicator('ilo-fl-01')).toBeUndefined();
    expect(isIndicatorCode('ILO-FL-11')).toBe(true);
    expect(isIndicatorCode('ILO-FL-12')).toBe(false);
  });

  it('splits the catalogue exactly by framework', () => {
    const total = INDICATOR_FRAMEWORKS.reduce(
      (sum, framework) => sum + indicatorsByFramework(framework).length,
      0,
    );
    expect(total).toBe(INDICATORS.length);
  });

  it('details the scam-operations purpose indicator with the annex scheme list', () => {
    expect(findIndicator(SCAM_OPERATIONS_INDICATOR_CODE)?.element).toBe('PURPOSE');
    expect(FORCED_CRIMINALITY_SCAM_SCHEMES).toHaveLength(8);
    const codes = FORCED_CRIMINALITY_SCAM_SCHEMES.map((scheme) => scheme.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const scheme of FORCED_CRIMINALITY_SCAM_SCHEMES) {
      expect(scheme.code).toMatch(/^[A-Z][A-Z_]+$/);
      expect(scheme.description.length).toBeGreaterThanOrEqual(20);
      expect(scheme.description.length).toBeLessThanOrEqual(300);
    }
  });
});

describe('facts that never count against a person', () => {
  it('covers contract, wages, legal and voluntary entry, prior knowledge, phone and coerced scamming', () => {
    expect([...NEVER_COUNTS_AGAINST_CODES].sort()).toEqual(
      [
        'ENTERED_LEGALLY',
        'ENTERED_VOLUNTARILY',
        'HAD_PHONE',
        'KNEW_WORK_WAS_SCAMMING',
        'RECEIVED_WAGES',
        'SCAMMED_OTHERS_UNDER_COERCION',
        'SIGNED_CONTRACT',
      ].sort(),
    );
    expect(NEVER_COUNTS_AGAINST_FACTS.map((fact) => fact.code)).toEqual([...NEVER_COUNTS_AGAINST_CODES]);
  });

  it('words each fact and explains why it proves nothing', () => {
    for (const { fact, why } of NEVER_COUNTS_AGAINST_FACTS) {
      expect(fact.length).toBeGreaterThanOrEqual(20);
      expect(why.length).toBeGreaterThanOrEqual(20);
      expect(why.length).toBeLessThanOrEqual(300);
    }
  });

  it('never shares a code with an indicator', () => {
    for (const code of NEVER_COUNTS_AGAINST_CODES) expect(isIndicatorCode(code)).toBe(false);
    for (const indicator of INDICATORS) expect(isNeverCountsAgainstCode(indicator.code)).toBe(false);
    expect(isNeverCountsAgainstCode('HAD_PHONE')).toBe(true);
  });
});

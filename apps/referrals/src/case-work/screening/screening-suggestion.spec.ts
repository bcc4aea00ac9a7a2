import { describe, expect, it } from '@jest/globals';
import { INDICATORS, type ObservationAnswer } from '@passage/schemas';
import {
  InvalidScreeningInputError,
  neverCountsAgainstViolations,
  screeningInputSchema,
  suggestScreeningOutcome,
  type IndicatorObservation,
} from './screening-suggestion.js';

const ACT = 'UNODC-FC-ACT-02'; // job offer through social media
const MEANS = 'UNODC-FC-MEANS-11'; // documents, phone or belongings taken
const PURPOSE = 'UNODC-FC-PURPOSE-02'; // made to run scams
const ILO_DECEPTION = 'ILO-FL-02'; // medium, means
const ILO_MOVEMENT = 'ILO-FL-03'; // strong, means
const ILO_DOCUMENTS = 'ILO-FL-07'; // strong, means
const ILO_OVERTIME = 'ILO-FL-11'; // medium, purpose

function answers(observed: ObservationAnswer, ...codes: string[]): IndicatorObservation[] {
  return codes.map((code) => ({ code, observed }));
}

const yes = (...codes: string[]) => answers('YES', ...codes);
const no = (...codes: string[]) => answers('NO', ...codes);
const unknown = (...codes: string[]) => answers('UNKNOWN', ...codes);

function suggest(observations: IndicatorObservation[], isChild = false) {
  return suggestScreeningOutcome({ observations, isChild });
}

describe('suggestScreeningOutcome', () => {
  describe('presumption from the trafficking elements', () => {
    it('presumes an adult a victim when act, means and purpose are each observed', () => {
      expect(suggest(yes(ACT, MEANS, PURPOSE))).toEqual({
        outcome: 'PRESUMED_VICTIM',
        reasons: [{ code: 'TRAFFICKING_ELEMENTS_EVIDENCED', indicatorCodes: [ACT, MEANS, PURPOSE] }],
        elementsWithoutEvidence: [],
      });
    });

    it('does not presume an adult a victim without means', () => {
      expect(suggest(yes(ACT, PURPOSE))).toEqual({
        outcome: 'INCONCLUSIVE',
        reasons: [{ code: 'FURTHER_INQUIRY_NEEDED', indicatorCodes: [ACT, PURPOSE] }],
        elementsWithoutEvidence: ['MEANS'],
      });
    });

    it('does not require means for a child', () => {
      expect(suggest(yes(ACT, PURPOSE), true)).toEqual({
        outcome: 'PRESUMED_VICTIM',
        reasons: [{ code: 'CHILD_ACT_AND_PURPOSE_EVIDENCED', indicatorCodes: [ACT, PURPOSE] }],
        elementsWithoutEvidence: [],
      });
    });

    it('still requires act and purpose for a child', () => {
      expect(suggest(yes(MEANS, PURPOSE), true)).toMatchObject({
        outcome: 'INCONCLUSIVE',
        elementsWithoutEvidence: ['ACT'],
      });
      expect(suggest(yes(ACT, MEANS), true)).toMatchObject({
        outcome: 'INCONCLUSIVE',
        elementsWithoutEvidence: ['PURPOSE'],
      });
    });

    it('counts observed ILO indicators towards the element they map to', () => {
      // Deception (means) and excessive overtime (purpose) are both medium: the ILO rule alone would not
      // presume, but with a UNODC act indicator all three elements are evidenced.
      expect(suggest(yes(ACT, ILO_DECEPTION, ILO_OVERTIME))).toEqual({
        outcome: 'PRESUMED_VICTIM',
        reasons: [
          { code: 'TRAFFICKING_ELEMENTS_EVIDENCED', indicatorCodes: [ACT, ILO_DECEPTION, ILO_OVERTIME] },
        ],
        elementsWithoutEvidence: [],
      });
    });

    it('cites only the indicators of the elements that count for a child', () => {
      expect(suggest(yes(ACT, MEANS, PURPOSE), true).reasons).toEqual([
        { code: 'CHILD_ACT_AND_PURPOSE_EVIDENCED', indicatorCodes: [ACT, PURPOSE] },
      ]);
    });
  });

  describe('presumption from the ILO forced-labour indicators', () => {
    it('presumes a victim on two ILO indicators when one is strong', () => {
      expect(suggest(yes(ILO_DECEPTION, ILO_MOVEMENT))).toEqual({
        outcome: 'PRESUMED_VICTIM',
        reasons: [{ code: 'ILO_FORCED_LABOUR_INDICATORS', indicatorCodes: [ILO_DECEPTION, ILO_MOVEMENT] }],
        elementsWithoutEvidence: ['ACT', 'PURPOSE'],
      });
    });

    it('presumes a victim on two strong ILO indicators', () => {
      expect(suggest(yes(ILO_MOVEMENT, ILO_DOCUMENTS)).outcome).toBe('PRESUMED_VICTIM');
    });

    it('does not presume on two medium ILO indicators', () => {
      expect(suggest(yes(ILO_DECEPTION, ILO_OVERTIME))).toEqual({
        outcome: 'INCONCLUSIVE',
        reasons: [{ code: 'FURTHER_INQUIRY_NEEDED', indicatorCodes: [ILO_DECEPTION, ILO_OVERTIME] }],
        elementsWithoutEvidence: ['ACT'],
      });
    });

    it('does not let a UNODC indicator stand in for the second ILO one', () => {
      expect(suggest(yes(ILO_MOVEMENT, MEANS)).outcome).toBe('INCONCLUSIVE');
    });

    it('gives both reasons when both rules are met', () => {
      expect(suggest(yes(ACT, MEANS, PURPOSE, ILO_MOVEMENT, ILO_DECEPTION)).reasons).toEqual([
        {
          code: 'TRAFFICKING_ELEMENTS_EVIDENCED',
          indicatorCodes: [ACT, MEANS, PURPOSE, ILO_MOVEMENT, ILO_DECEPTION],
        },
        { code: 'ILO_FORCED_LABOUR_INDICATORS', indicatorCodes: [ILO_MOVEMENT, ILO_DECEPTION] },
      ]);
    });
  });

  describe('one indicator is never enough', () => {
    it.each(INDICATORS.map((indicator) => [indicator.code]))(
      '%s alone is inconclusive for an adult',
      (code) => {
        expect(suggest(yes(code))).toMatchObject({
          outcome: 'INCONCLUSIVE',
          reasons: [{ code: 'SINGLE_INDICATOR', indicatorCodes: [code] }],
        });
      },
    );

    it.each(INDICATORS.map((indicator) => [indicator.code]))(
      '%s alone is inconclusive for a child',
      (code) => {
        expect(suggest(yes(code), true).outcome).toBe('INCONCLUSIVE');
      },
    );

    it('stays inconclusive when every other answer is "no"', () => {
      const others = INDICATORS.map((indicator) => indicator.code).filter((code) => code !== ILO_DOCUMENTS);
      expect(suggest([...yes(ILO_DOCUMENTS), ...no(...others)])).toMatchObject({
        outcome: 'INCONCLUSIVE',
        reasons: [{ code: 'SINGLE_INDICATOR', indicatorCodes: [ILO_DOCUMENTS] }],
      });
    });
  });

  describe('nothing observed', () => {
    it('is not indicated when most answers are "no"', () => {
      expect(suggest([...no(ACT, MEANS, PURPOSE), ...unknown(ILO_MOVEMENT)])).toEqual({
        outcome: 'NOT_INDICATED',
        reasons: [{ code: 'NO_INDICATOR_OBSERVED', indicatorCodes: [] }],
        elementsWithoutEvidence: ['ACT', 'MEANS', 'PURPOSE'],
      });
    });

    it('is inconclusive when half the answers are unknown', () => {
      expect(suggest([...no(ACT, MEANS), ...unknown(PURPOSE, ILO_MOVEMENT)])).toEqual({
        outcome: 'INCONCLUSIVE',
        reasons: [{ code: 'MOSTLY_UNKNOWN', indicatorCodes: [PURPOSE, ILO_MOVEMENT] }],
        elementsWithoutEvidence: ['ACT', 'MEANS', 'PURPOSE'],
      });
    });

    it('is inconclusive when every answer is unknown', () => {
      expect(suggest(unknown(ACT)).outcome).toBe('INCONCLUSIVE');
    });

    it('is inconclusive when nothing was asked', () => {
      expect(suggest([])).toEqual({
        outcome: 'INCONCLUSIVE',
        reasons: [{ code: 'NOTHING_ASSESSED', indicatorCodes: [] }],
        elementsWithoutEvidence: ['ACT', 'MEANS', 'PURPOSE'],
      });
    });

    it('is not indicated on a single firm "no" for a child too', () => {
      expect(suggest(no(ILO_MOVEMENT), true).outcome).toBe('NOT_INDICATED');
    });
  });

  describe('unknown answers', () => {
    it('never weaken a presumption that observed indicators support', () => {
      const rest = INDICATORS.map((indicator) => indicator.code).filter(
        (code) => ![ACT, MEANS, PURPOSE].includes(code),
      );
      expect(suggest([...yes(ACT, MEANS, PURPOSE), ...unknown(...rest)]).outcome).toBe('PRESUMED_VICTIM');
    });

    it('are reported alongside observed indicators that fall short', () => {
      expect(suggest([...yes(ACT), ...unknown(MEANS, PURPOSE)]).reasons).toEqual([
        { code: 'SINGLE_INDICATOR', indicatorCodes: [ACT] },
        { code: 'MOSTLY_UNKNOWN', indicatorCodes: [MEANS, PURPOSE] },
      ]);
    });

    it('are not reported when they are a minority', () => {
      expect(
        suggest([...yes(ACT, PURPOSE), ...no(MEANS, ILO_MOVEMENT), ...unknown(ILO_DOCUMENTS)]).reasons,
      ).toEqual([{ code: 'FURTHER_INQUIRY_NEEDED', indicatorCodes: [ACT, PURPOSE] }]);
    });
  });

  it('does not depend on the order of observations', () => {
    const observations = [...yes(PURPOSE, ACT), ...no(ILO_OVERTIME), ...yes(ILO_MOVEMENT)];
    expect(suggest([...observations].reverse()).outcome).toBe(suggest(observations).outcome);
    expect(suggest(observations).outcome).toBe('PRESUMED_VICTIM');
  });

  it('refuses unknown indicator codes', () => {
    expect(() => suggest(yes(ACT, 'UNODC-FC-ACT-99', 'SIGNED_CONTRACT'))).toThrow(InvalidScreeningInputError);
    expect(() => suggest(yes(ACT, 'UNODC-FC-ACT-99'))).toThrow(
      expect.objectContaining({
        code: 'INVALID_SCREENING_INPUT',
        unknownCodes: ['UNODC-FC-ACT-99'],
        duplicateCodes: [],
      }),
    );
  });

  it('refuses two observations of the same indicator', () => {
    expect(() => suggest([...yes(ACT), ...no(ACT)])).toThrow(
      expect.objectContaining({ code: 'INVALID_SCREENING_INPUT', duplicateCodes: [ACT] }),
    );
  });
});

describe('screeningInputSchema', () => {
  it('accepts a well-formed input', () => {
    expect(
      screeningInputSchema.safeParse({ observations: [...yes(ACT), ...unknown(MEANS)], isChild: false })
        .success,
    ).toBe(true);
  });

  it.each([
    ['an unknown code', { observations: yes('NOPE-01'), isChild: false }],
    ['a repeated code', { observations: [...yes(ACT), ...no(ACT)], isChild: false }],
    [
      'an answer outside YES/NO/UNKNOWN',
      { observations: [{ code: ACT, observed: 'MAYBE' }], isChild: false },
    ],
    ['a missing child flag', { observations: yes(ACT) }],
  ])('rejects %s', (_label, input) => {
    expect(screeningInputSchema.safeParse(input).success).toBe(false);
  });
});

describe('neverCountsAgainstViolations', () => {
  it('returns nothing for legitimate negative indicators', () => {
    expect(neverCountsAgainstViolations([])).toEqual([]);
    expect(neverCountsAgainstViolations([ACT, ILO_MOVEMENT, 'FREE_TO_LEAVE'])).toEqual([]);
  });

  it('names every fact that never counts against a person, once, in the order given', () => {
    expect(
      neverCountsAgainstViolations([
        'HAD_PHONE',
        ACT,
        'SIGNED_CONTRACT',
        'HAD_PHONE',
        'KNEW_WORK_WAS_SCAMMING',
      ]),
    ).toEqual(['HAD_PHONE', 'SIGNED_CONTRACT', 'KNEW_WORK_WAS_SCAMMING']);
  });

  it.each([
    'SIGNED_CONTRACT',
    'RECEIVED_WAGES',
    'ENTERED_LEGALLY',
    'KNEW_WORK_WAS_SCAMMING',
    'ENTERED_VOLUNTARILY',
    'HAD_PHONE',
    'SCAMMED_OTHERS_UNDER_COERCION',
  ])('refuses %s as a negative indicator', (code) => {
    expect(neverCountsAgainstViolations([code])).toEqual([code]);
  });

  it('matches codes exactly', () => {
    expect(neverCountsAgainstViolations(['signed_contract', ' HAD_PHONE'])).toEqual([]);
  });
});

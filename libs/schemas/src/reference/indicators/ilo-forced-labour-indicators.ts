import type { Indicator, IndicatorElement, IndicatorStrength } from './indicator.js';

/**
 * How hard survivors of scam compounds found it to prove an ILO indicator to first responders, as rated
 * in Franceschini et al., "Lost in Salvation" (table of ILO indicators applied to the scam industry).
 * Shown to caseworkers so that the absence of proof for a hard-to-prove indicator is not read as its
 * absence.
 */
export const PROOF_DIFFICULTIES = ['EASY', 'MEDIUM', 'HARD'] as const;
export type ProofDifficulty = (typeof PROOF_DIFFICULTIES)[number];

/** An ILO forced-labour indicator, with how hard it tends to be to prove in the scam-compound setting. */
export interface IloIndicator extends Indicator {
  strength: IndicatorStrength;
  proofDifficulty: ProofDifficulty;
}

/**
 * The eleven ILO indicators of forced labour (ILO Special Action Programme to Combat Forced Labour,
 * "ILO Indicators of Forced Labour", 2012), described as they show up in scam compounds.
 *
 * Element: each is mapped to the trafficking element it is closest to. Coercion and control are means;
 * abusive conditions and excessive hours describe the exploitation itself, so they count as purpose.
 *
 * Strength is this project's screening weight, not a ranking printed in the ILO booklet (which presents
 * the eleven side by side and says one may suffice in some cases). STRONG marks the indicators that on
 * their own show the person could not leave or worked under menace of a penalty, the two limbs of the
 * ILO Convention No. 29 definition: restriction of movement, isolation, violence, threats, retention of
 * documents and debt bondage. The others (vulnerability, deception, wages, conditions, hours) are MEDIUM
 * because they also occur in exploitative work a person is free to quit. Changing a strength changes
 * screening suggestions, so it is a reviewed change to this file.
 */
export const ILO_FORCED_LABOUR_INDICATORS: readonly IloIndicator[] = [
  ilo(
    1,
    'MEANS',
    'MEDIUM',
    'EASY',
    'Abuse of vulnerability',
    'The employer takes advantage of a weak position, such as not speaking the local language, having no valid papers or not knowing how to reach the authorities.',
  ),
  ilo(
    2,
    'MEANS',
    'MEDIUM',
    'MEDIUM',
    'Deception',
    'The person was drawn in by false promises about the job, the pay or the conditions, typically a fake advert for office work.',
  ),
  ilo(
    3,
    'MEANS',
    'STRONG',
    'EASY',
    'Restriction of movement',
    'The person may not leave the compound or building, or goes out only under guard or with permission.',
  ),
  ilo(
    4,
    'MEANS',
    'STRONG',
    'HARD',
    'Isolation',
    'The person is cut off from the outside. Having a phone does not rule this out: chats are read, and some are made to tell family all is well.',
  ),
  ilo(
    5,
    'MEANS',
    'STRONG',
    'MEDIUM',
    'Physical and sexual violence',
    'The person is beaten, given electric shocks or sexually abused, or punished in ways chosen to leave no marks, such as gruelling exercise or denial of food and sleep.',
  ),
  ilo(
    6,
    'MEANS',
    'STRONG',
    'HARD',
    'Intimidation and threats',
    'The person is threatened with harm to them or their family, with resale, or with being handed to the police or immigration; such threats are rarely recorded.',
  ),
  ilo(
    7,
    'MEANS',
    'STRONG',
    'EASY',
    'Retention of identity documents',
    'The employer keeps the passport or other identity papers, so the person cannot leave or prove who they are.',
  ),
  ilo(
    8,
    'MEANS',
    'MEDIUM',
    'HARD',
    'Withholding of wages',
    'Wages are never paid, paid far below the promise, or taken back, for example by ordering the person to send them home as a sign they are safe.',
  ),
  ilo(
    9,
    'MEANS',
    'STRONG',
    'HARD',
    'Debt bondage',
    'The person is told they may not leave until a debt is repaid, typically the price paid for them plus charges for food and lodging.',
  ),
  ilo(
    10,
    'PURPOSE',
    'MEDIUM',
    'HARD',
    'Abusive working and living conditions',
    'The person works or lives in degrading conditions, such as crowded dormitories, with their food and bed added to what they owe.',
  ),
  ilo(
    11,
    'PURPOSE',
    'MEDIUM',
    'HARD',
    'Excessive overtime',
    'The person is made to work far beyond normal hours, commonly 12 to 16 hours a day, with no real choice.',
  ),
];

function ilo(
  number: number,
  element: IndicatorElement,
  strength: IndicatorStrength,
  proofDifficulty: ProofDifficulty,
  title: string,
  description: string,
): IloIndicator {
  return {
    code: `ILO-FL-${String(number).padStart(2, '0')}`,
    framework: 'ILO_FORCED_LABOUR',
    element,
    stages: [],
    title,
    description,
    strength,
    proofDifficulty,
  };
}

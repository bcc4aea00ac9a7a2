/**
 * Facts that must never be recorded or weighed as evidence that a person was not trafficked. Each one is
 * routinely held against survivors of scam compounds (by first responders, immigration and courts in
 * destination and origin countries) although it is consistent with trafficking, and often engineered by
 * the traffickers themselves. Screening forms show them as reminders; the rules refuse them as negative
 * indicators (`neverCountsAgainstViolations`, the screening rules of the referrals service).
 */
export const NEVER_COUNTS_AGAINST_CODES = [
  'SIGNED_CONTRACT',
  'RECEIVED_WAGES',
  'ENTERED_LEGALLY',
  'KNEW_WORK_WAS_SCAMMING',
  'ENTERED_VOLUNTARILY',
  'HAD_PHONE',
  'SCAMMED_OTHERS_UNDER_COERCION',
] as const;
export type NeverCountsAgainstCode = (typeof NEVER_COUNTS_AGAINST_CODES)[number];

/** A fact that never counts against a person, with the reason, for screening forms and training. */
export interface NeverCountsAgainstFact {
  code: NeverCountsAgainstCode;
  /** The fact, as a caseworker would hear it. */
  fact: string;
  /** Why it proves nothing against the person. */
  why: string;
}

/** The facts, in the order of {@link NEVER_COUNTS_AGAINST_CODES}. */
export const NEVER_COUNTS_AGAINST_FACTS: readonly NeverCountsAgainstFact[] = [
  {
    code: 'SIGNED_CONTRACT',
    fact: 'The person signed an employment contract.',
    why: 'Compounds hand out contracts to dress forced scam work up as a job and to mislead the authorities. A contract to commit crimes has no legal force, so it neither creates a labour dispute nor shows consent; its terms can even document the deception.',
  },
  {
    code: 'RECEIVED_WAGES',
    fact: 'The person was paid something.',
    why: 'Small or irregular payments keep people working and make scamming look like employment. Being paid says nothing about whether the person was free to stop or to leave.',
  },
  {
    code: 'ENTERED_LEGALLY',
    fact: 'The person entered the country lawfully, for example on a tourist visa.',
    why: 'Most people recruited into compounds arrive lawfully and are then moved on, often across a border irregularly. Lawful entry neither excludes nor disproves trafficking.',
  },
  {
    code: 'KNEW_WORK_WAS_SCAMMING',
    fact: 'The person knew beforehand that the work involved scams.',
    why: 'Under the Trafficking in Persons Protocol, agreement is irrelevant once deception, coercion or another means was used; for a child it never matters. Knowing the job did not mean agreeing to confinement, violence or debt.',
  },
  {
    code: 'ENTERED_VOLUNTARILY',
    fact: 'The person travelled or crossed the border of their own will.',
    why: 'How someone arrived does not decide whether they were later held and forced to work. Consent to travel is not consent to exploitation.',
  },
  {
    code: 'HAD_PHONE',
    fact: 'The person had a phone or was in contact with the outside.',
    why: 'Phones in compounds are scam tools under surveillance, and calls home are often staged to reassure family. Contact with the outside does not show freedom to leave.',
  },
  {
    code: 'SCAMMED_OTHERS_UNDER_COERCION',
    fact: 'The person defrauded others while compelled to.',
    why: 'Forced criminality is the very purpose of this form of trafficking. The non-punishment principle shields victims from liability for offences they were made to commit.',
  },
];

const CODES: ReadonlySet<string> = new Set(NEVER_COUNTS_AGAINST_CODES);

/** True when the code names a fact that never counts against a person. */
export function isNeverCountsAgainstCode(code: string): code is NeverCountsAgainstCode {
  return CODES.has(code);
}

import type { Indicator, IndicatorElement, TraffickingStage } from './indicator.js';

/**
 * UNODC's indicators for people forced to commit online fraud, from the annex of its 2023 regional
 * report on casinos and cyber fraud in Southeast Asia (seed document 001): one entry per item of the
 * annex, in the annex's order, each restated in plain words.
 *
 * The annex counts 23 act indicators (10 at recruitment, 9 in transport, 4 at harbouring and receipt),
 * 27 examples of means and 3 purpose indicators; its list of scam schemes is kept apart as
 * {@link FORCED_CRIMINALITY_SCAM_SCHEMES} because it details one purpose indicator rather than adding new
 * ones. The annex does not rank indicators by strength, so none carries one.
 *
 * Codes are numbered from each list's position, so the lists are append-only: inserting or reordering an
 * entry would silently give stored screenings a different meaning.
 */

/** The kinds of fraud the annex lists as the work people are forced to do in the compounds. */
export interface ScamScheme {
  code: string;
  title: string;
  description: string;
}

export const FORCED_CRIMINALITY_SCAM_SCHEMES: readonly ScamScheme[] = [
  {
    code: 'ILLEGAL_GAMBLING',
    title: 'Illegal gambling, gaming or lottery',
    description:
      'Chatting with targets so that they top up accounts on illegal gaming sites, or rigging results.',
  },
  {
    code: 'INVESTMENT_ROMANCE',
    title: 'Investment or romance fraud ("pig-butchering")',
    description:
      'Using fake profiles to win friendship or romance, then talking the target into bogus investments, often in crypto-assets.',
  },
  {
    code: 'PYRAMID',
    title: 'Pyramid scheme',
    description: 'Looking for people who will bring in further "investors" for a promise of quick riches.',
  },
  {
    code: 'FAKE_PARCEL',
    title: 'E-commerce or parcel fraud',
    description:
      'Phoning people to claim that customs held their courier parcel on the pretext that contraband was found inside.',
  },
  {
    code: 'IMPERSONATION',
    title: 'Impersonation',
    description: 'Posing as police, customs or an investor on the phone to obtain a bank transfer.',
  },
  {
    code: 'FAKE_LOAN',
    title: 'Fake loans',
    description: 'Steering casino customers towards borrowing money through lending apps.',
  },
  {
    code: 'COLD_CALLING',
    title: 'Unsolicited calls',
    description: 'Calling people who did not ask to be contacted, as the opening move of a fraud.',
  },
  {
    code: 'DATING_COMPANIONSHIP',
    title: 'Dating or companionship',
    description:
      'Pretending to be a man or woman seeking a partner and asking for money for one need or another.',
  },
];

type Entry = [title: string, description: string];

function numbered(
  element: IndicatorElement,
  stages: readonly TraffickingStage[],
  firstNumber: number,
  entries: readonly Entry[],
): Indicator[] {
  return entries.map(([title, description], index) => ({
    code: `UNODC-FC-${element}-${String(firstNumber + index).padStart(2, '0')}`,
    framework: 'UNODC_FORCED_CRIMINALITY',
    element,
    stages,
    title,
    description,
  }));
}

const RECRUITMENT: readonly Entry[] = [
  [
    'Offered a lawful-seeming job abroad',
    'A friend, relative, acquaintance, local agent or recruitment outfit (at home, inside a compound or in a third country such as Dubai) offered the person what looked like a genuine job in another country.',
  ],
  [
    'Job found through social media or a chat app',
    'The person came across or discussed the offer on a social network or chat service: Telegram, WhatsApp, Facebook or Messenger, WeChat, LINE, TikTok, Instagram, LinkedIn and the like.',
  ],
  [
    'Educated, skilled or multilingual',
    'The person has a degree, professional skills (IT, HR, teaching, engineering, graphic design and the like) or speaks several languages: the profile the networks look for.',
  ],
  [
    'Offer asked for qualifications, or just computer use',
    'The advertised role wanted study or experience in marketing, HR, IT, programming or customer service, or nothing more than using a computer and social media.',
  ],
  [
    'Unusually good pay and perks',
    'The salary was high for the country of the job (Cambodia, Myanmar, Lao PDR and others), with extras such as free flights, meals or housing.',
  ],
  [
    'Job in a special economic zone or a casino',
    'The offer placed the work in a special economic zone or in the gambling and entertainment trade, for example a casino.',
  ],
  [
    'Employer looked genuine online',
    'The company seemed real because it had a website or online profile, sometimes showing the logos of well-known legitimate firms.',
  ],
  [
    'Several rounds of interviews',
    'Hiring went through more than one interview, online or face to face, so that the offer would seem trustworthy.',
  ],
  [
    'Trip organised by the recruiter',
    'An acquaintance, agent or agency handled the travel arrangements: visa, flights and somewhere to stay.',
  ],
  [
    'Recruiter paid for passport and travel',
    'The agent or agency covered the cost of the passport where one was needed, of the journey to the destination and of lodging.',
  ],
];

const TRANSPORT: readonly Entry[] = [
  [
    'Travelled alone but steered remotely',
    'The person made the journey on their own while staying in constant touch with recruiters or transporters they did not know.',
  ],
  [
    'Travelled with strangers or an escort',
    'The person travelled with a group of strangers, or in the company of a local recruiter or a foreign agent.',
  ],
  [
    'Relies on someone else for cues',
    'The person keeps turning to another individual for cues on how to answer or behave.',
  ],
  [
    'Legal entry, then led across a border irregularly',
    'After a lawful arrival in one country (typically Thailand on a tourist visa), someone led the person across a border without authorisation, typically into Myanmar.',
  ],
  [
    'Unaware of location or of crossing a border',
    'The person may not know where they are, or may not realise that they were taken across a border unlawfully.',
  ],
  [
    'Cannot explain how they got there',
    'The person does not understand how they ended up in a city, country or company other than the one the job offer described.',
  ],
  [
    'New papers, or papers handed over by a third party',
    'Their identity papers are brand new, or someone else supplied their identity or travel papers, which may be fake.',
  ],
  [
    'Promised a work visa on arrival',
    'The person was assured that a work visa would be handed to them after arrival.',
  ],
  [
    'Onward ticket sent at a transit stop',
    'The person paid only for a flight to a transit hub, such as Singapore from the Philippines; someone else then bought and sent them the ticket for the final leg.',
  ],
];

const HARBOURING: readonly Entry[] = [
  [
    'Collected on arrival and taken somewhere unknown',
    'At the airport or border a stranger picked the person up and took them to an unfamiliar place, straight to the company, or to housing arranged by the recruiters or the company.',
  ],
  [
    'Moved on by unknown people',
    'Strangers collected the person and took them on to a further place or country.',
  ],
  [
    'Held where other victims were rescued',
    'The place where the person was taken or held, such as a hotel or casino, is one where trafficking victims have been found and rescued before.',
  ],
  [
    'Passport taken on arrival "for immigration"',
    "Someone presenting as the company, holding a sign with the person's name, met them and took their passport, saying it was needed for immigration formalities.",
  ],
];

const MEANS: readonly Entry[] = [
  [
    'Deceived about the work',
    'The person was lied to about where the work is, what it really involves, how risky it is, or that it is against the law.',
  ],
  [
    'Deceived about conditions or the work permit',
    'The person was misled about the conditions of the job, or told they would get the permit or visa that foreign work legally needs.',
  ],
  ['Offered rewards for scamming', 'Money or perks were dangled in return for carrying out online fraud.'],
  [
    'Excessive hours, little or no rest',
    'The person is made to scam for very long days (roughly 10 to 16 hours), with at most one day off a week.',
  ],
  [
    'Little or no pay; contracts signed under pressure',
    'Pay falls far short of what was promised, overtime goes unpaid or large deductions are taken; the person may be pushed to sign contracts or film videos accepting tasks they never agreed to.',
  ],
  [
    'Contract replaced on arrival',
    "A contract signed before departure in the person's own language was swapped on arrival for a different one, written in another language.",
  ],
  [
    'Deceived about living conditions; no freedom to leave',
    'Housing is not what was promised (dirty, overcrowded rooms), and the person cannot move about freely or leave the compound.',
  ],
  [
    'Too little food or water',
    'Food and drinking water are scarce or withheld; some people have resorted to drinking from bathroom taps or toilets.',
  ],
  ['Little or no medical care', 'Medical care is barely available to the person, or refused altogether.'],
  [
    'Kidnapped or abducted',
    'The person was seized and brought by force to the compound, entertainment venue or other site where scams are run.',
  ],
  [
    'Documents, phone or belongings taken away',
    "Someone took away the person's travel documents, own phone or other belongings.",
  ],
  [
    'Only a monitored phone from the group',
    'The only phone the person may use belongs to the criminal group, which watches and limits every use.',
  ],
  [
    'Confined and kept under watch',
    'Fences, barbed wire, high walls or armed guards keep the person shut in, cut off and watched around the clock.',
  ],
  [
    'Breaks arranged to keep people apart',
    'Breaks are scheduled and supervised so the person hardly ever mixes with others in the building.',
  ],
  [
    'Threatened with violence',
    'Beatings, tasers, removal of organs or other bodily harm are held over the person as threats.',
  ],
  [
    'Subjected to physical or psychological violence',
    'The person suffers beatings, sexual assault, punishing exercise such as squats or stair runs, tasers, or degrading treatment such as being made to watch others being hurt.',
  ],
  [
    'Punished for missing targets',
    'Missing a quota or working too slowly is punished with electric shocks, beatings, cigarette burns, confinement in a dark room without food or water, or other torture.',
  ],
  ['Visible injuries', "Cuts, bruises, fractures, scars or other injuries can be seen on the person's body."],
  [
    'Signs of serious distress or trauma',
    'The person shows serious emotional or psychological harm: depression, anxiety, fear, shame, regret or thoughts of suicide.',
  ],
  [
    'Threatened to keep silent',
    'The person was warned not to speak out, through threats against them or their family, threats of resale to another group, or threats of deportation or prosecution for irregular entry or for scamming.',
  ],
  [
    'Debt bondage or arbitrary fines',
    'The person must work off a debt the criminals created (pay withheld, travel or lodging charged back) or is fined for trivial things such as posture, lateness, sickness or missed targets.',
  ],
  ['Ransom demanded for release', 'A large payment is demanded before the person will be let go.'],
  [
    'Bought or sold between compounds',
    'The person was sold or traded between compounds or other criminal networks, which may also point to servitude or a practice similar to slavery.',
  ],
  [
    'Must recruit others to get out',
    'The person is told to bring in new recruits to earn their own release, or because they cannot pay the ransom.',
  ],
  [
    'Taught to fear the authorities',
    'The person has been told not to trust the authorities, for example because they entered irregularly or took part in online fraud.',
  ],
  [
    'Coached to give scripted answers',
    'Someone has told the person what to say, so their account may sound rehearsed.',
  ],
  [
    'Given drugs to cope',
    'The person was supplied with drugs or similar substances as a way to endure what was done to them.',
  ],
];

const PURPOSE: readonly Entry[] = [
  [
    'Trained to commit fraud',
    'People running the compound teach the person, or tell them step by step, how to defraud others online or by phone.',
  ],
  [
    'Made to run scams',
    'The person takes part in scam operations such as illegal gambling, investment or romance fraud, pyramid schemes, parcel or impersonation calls, fake loans, cold calls or dating fraud.',
  ],
  [
    'Exploited in other ways',
    'Beyond scamming, the person suffers sexual exploitation, servitude, slavery or slavery-like practices, or the removal of organs.',
  ],
];

/** Every UNODC forced-criminality indicator, act first, then means, then purpose. */
export const UNODC_FORCED_CRIMINALITY_INDICATORS: readonly Indicator[] = [
  ...numbered('ACT', ['RECRUITMENT'], 1, RECRUITMENT),
  ...numbered('ACT', ['TRANSPORT_TRANSFER'], RECRUITMENT.length + 1, TRANSPORT),
  ...numbered('ACT', ['HARBOURING_RECEIPT'], RECRUITMENT.length + TRANSPORT.length + 1, HARBOURING),
  ...numbered('MEANS', [], 1, MEANS),
  ...numbered('PURPOSE', [], 1, PURPOSE),
];

/** The purpose indicator whose scam schemes {@link FORCED_CRIMINALITY_SCAM_SCHEMES} details. */
export const SCAM_OPERATIONS_INDICATOR_CODE = 'UNODC-FC-PURPOSE-02';

/**
 * People as a raid registers them, for mass-intake tests: fictional names up to 200 characters in the
 * scripts of people found in compounds (Latin with diacritics, Burmese, Chinese, Thai, Ge'ez), two or
 * three languages, immediate needs. Values are as GraphQL takes them (`AGE_25_34`).
 */
const NAME_PARTS = [
  'Nguyễn Thị Hồng ',
  'မောင်မောင်ဦး ',
  '陈志明李华 ',
  'สมชาย ใจดี ',
  'ተስፋዬ ገብረ ',
  'Ssekandi Mukasa ',
];
const LANGUAGES = [
  ['my', 'en'],
  ['zh', 'en', 'th'],
  ['vi', 'en'],
  ['lg', 'en', 'sw'],
  ['am', 'ar'],
  ['id', 'ms', 'en'],
];
const NATIONALITIES = ['MM', 'CN', 'VN', 'TH', 'ET', 'UG'];
const NEEDS = [
  ['SHELTER', 'FOOD_AND_WATER'],
  ['SHELTER', 'MEDICAL_CARE', 'INTERPRETATION'],
  ['CONSULAR_ASSISTANCE', 'TRAVEL_DOCUMENT', 'FAMILY_CONTACT'],
];

export interface RaidPerson {
  name: string;
  alias: string | null;
  nationality: string;
  gender: 'FEMALE' | 'MALE';
  ageBand: 'AGE_14_17' | 'AGE_25_34';
  languages: string[];
  immediateNeeds: string[];
  urgentMedicalNeed: boolean;
}

/** `count` people; every fourth name is 200 characters long, and every name ends with its row number. */
export function raid(count: number): RaidPerson[] {
  return Array.from({ length: count }, (_, index) => {
    const part = NAME_PARTS[index % NAME_PARTS.length];
    const length = [200, 120, 60, 24][index % 4];
    const suffix = ` ${index}`;
    return {
      name: `${part
        .repeat(Math.ceil(length / part.length))
        .slice(0, length - suffix.length)
        .trimEnd()}${suffix}`,
      alias: index % 5 === 0 ? `Fictional alias ${index}` : null,
      nationality: NATIONALITIES[index % NATIONALITIES.length],
      gender: index % 3 === 0 ? 'FEMALE' : 'MALE',
      ageBand: index % 40 === 0 ? 'AGE_14_17' : 'AGE_25_34',
      languages: LANGUAGES[index % LANGUAGES.length],
      immediateNeeds: NEEDS[index % NEEDS.length],
      urgentMedicalNeed: index % 97 === 0,
    };
  });
}

import type { z } from 'zod';
import type { AgeBand } from '../../case-work/index.js';
import type { UpsertServiceInput } from './dtos/service-directory.inputs.js';

/** A demonstration listing, with the demo organisation that offers it and a persona who may list it. */
export interface DemoService {
  /** The organisation's name in the identity service's demo data set. */
  organisationName: string;
  /** A demo persona of that organisation, for seeding through the API. */
  persona: string;
  /** The `upsertService` input, as the mutation takes it. */
  input: z.input<typeof UpsertServiceInput.schema>;
}

const SHELTER_KH = 'Phnom Penh Recovery Shelter (demo)';
const NGO_KH = 'Mekong Safe Passage Network (demo)';
const NGO_ID = 'Rumah Pulang Reintegration Network (demo)';
const EMBASSY_ID_KH = 'Embassy of Indonesia in Phnom Penh (demo)';

const ADULTS: AgeBand[] = ['18_24', '25_34', '35_49', '50_PLUS'];
const EVERY_AGE: AgeBand[] = ['UNDER_14', '14_17', ...ADULTS, 'UNKNOWN'];

/**
 * Fictional services for the demonstration. They are deliberately uneven, as real directories are: the
 * men's shelter is small and works in fewer languages, so a search for a Vietnamese-speaking man in
 * Cambodia honestly finds no shelter and shows the near misses instead.
 */
export const DEMO_SERVICES: readonly DemoService[] = [
  {
    organisationName: SHELTER_KH,
    persona: 'shelter.kh@passage.demo',
    input: {
      name: "Women's and children's recovery shelter (demo)",
      description: 'Residential care with case management; girls with a guardian arrangement.',
      serviceType: 'SHELTER',
      country: 'KH',
      stateProvince: 'Phnom Penh',
      district: 'Chamkar Mon',
      capacityMaximum: 24,
      capacityAvailable: 5,
      genders: ['FEMALE'],
      ageBands: EVERY_AGE,
      languages: ['km', 'en', 'id', 'vi', 'zh'],
      eligibility: 'ANY',
      scheduleDescription: 'Admissions around the clock',
    },
  },
  {
    organisationName: SHELTER_KH,
    persona: 'shelter.kh@passage.demo',
    input: {
      name: "Men's transit shelter (demo)",
      description: 'Short stays for adult men awaiting repatriation.',
      serviceType: 'SHELTER',
      country: 'KH',
      stateProvince: 'Phnom Penh',
      district: 'Sen Sok',
      capacityMaximum: 6,
      capacityAvailable: 2,
      genders: ['MALE'],
      ageBands: ADULTS,
      languages: ['km', 'en', 'id', 'th'],
      eligibility: 'PRESUMED_VICTIM',
      scheduleDescription: 'Admissions Monday to Saturday, 08:00-20:00',
    },
  },
  {
    organisationName: SHELTER_KH,
    persona: 'shelter.kh@passage.demo',
    input: {
      name: 'Shelter clinic (demo)',
      serviceType: 'MEDICAL',
      country: 'KH',
      stateProvince: 'Phnom Penh',
      genders: ['FEMALE', 'MALE', 'NON_BINARY', 'UNKNOWN'],
      ageBands: EVERY_AGE,
      languages: ['km', 'en'],
      eligibility: 'ANY',
      scheduleDescription: 'Weekdays 08:00-17:00; on call at night',
    },
  },
  {
    organisationName: NGO_KH,
    persona: 'ngo.kh@passage.demo',
    input: {
      name: 'Trauma counselling (demo)',
      serviceType: 'PSYCHOSOCIAL',
      country: 'KH',
      stateProvince: 'Phnom Penh',
      genders: ['FEMALE', 'MALE', 'NON_BINARY', 'UNKNOWN'],
      ageBands: EVERY_AGE,
      languages: ['km', 'en', 'vi', 'th', 'id'],
      eligibility: 'ANY',
      scheduleDescription: 'Weekdays 09:00-18:00',
    },
  },
  {
    organisationName: NGO_KH,
    persona: 'ngo.kh@passage.demo',
    input: {
      name: 'Legal aid clinic (demo)',
      description: 'Advice on non-punishment, fines and identification appeals.',
      serviceType: 'LEGAL_AID',
      country: 'KH',
      stateProvince: 'Phnom Penh',
      genders: ['FEMALE', 'MALE', 'NON_BINARY', 'UNKNOWN'],
      ageBands: EVERY_AGE,
      languages: ['km', 'en'],
      eligibility: 'ANY',
      scheduleDescription: 'Tuesdays and Thursdays',
    },
  },
  {
    organisationName: NGO_KH,
    persona: 'ngo.kh@passage.demo',
    input: {
      name: 'Interpreter pool (demo)',
      serviceType: 'INTERPRETATION',
      country: 'KH',
      genders: ['FEMALE', 'MALE', 'NON_BINARY', 'UNKNOWN'],
      ageBands: EVERY_AGE,
      languages: ['km', 'en', 'vi', 'th', 'id', 'zh', 'my', 'lo', 'fil', 'ms'],
      eligibility: 'ANY',
      scheduleDescription: 'Bookings 48 hours ahead; urgent requests by phone',
    },
  },
  {
    organisationName: EMBASSY_ID_KH,
    persona: 'consul.id-kh@passage.demo',
    input: {
      name: 'Consular assistance for Indonesian nationals (demo)',
      serviceType: 'CONSULAR',
      country: 'KH',
      stateProvince: 'Phnom Penh',
      genders: ['FEMALE', 'MALE', 'NON_BINARY', 'UNKNOWN'],
      ageBands: EVERY_AGE,
      languages: ['id', 'en'],
      eligibility: 'ANY',
      scheduleDescription: 'Weekdays 08:30-16:00; emergency line around the clock',
    },
  },
  {
    organisationName: NGO_ID,
    persona: 'ngo.id@passage.demo',
    input: {
      name: 'Reintegration and livelihood support (demo)',
      serviceType: 'LIVELIHOOD',
      country: 'ID',
      stateProvince: 'Jawa Barat',
      genders: ['FEMALE', 'MALE', 'NON_BINARY', 'UNKNOWN'],
      ageBands: ADULTS,
      languages: ['id', 'en'],
      eligibility: 'PRESUMED_VICTIM',
      scheduleDescription: 'Weekdays 08:00-16:00',
    },
  },
];

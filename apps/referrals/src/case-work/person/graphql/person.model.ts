import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { DataCategory } from '@passage/schemas';
import { DataCategoryEnum } from '@passage/shared';
import type { AgeBand, DocumentType, Gender, ImmediateNeed } from '../person-vocabulary.js';
import { AgeBandEnum, DocumentTypeEnum, GenderEnum, ImmediateNeedEnum } from './person.enums.js';

const WITHHELD = 'Null when empty or when the caller may not see';

@ObjectType('Person', {
  description:
    'A person in a case. Fields of a category the caller may not see are null; `withheldCategories` lists them.',
})
export class PersonModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  caseId: string;

  @Field(() => String, { nullable: true, description: `${WITHHELD} IDENTITY data.` })
  name: string | null;

  @Field(() => String, { nullable: true, description: `${WITHHELD} IDENTITY data.` })
  alias: string | null;

  @Field(() => String, { nullable: true, description: `ISO 3166-1 alpha-2. ${WITHHELD} IDENTITY data.` })
  nationality: string | null;

  @Field(() => GenderEnum, { nullable: true, description: `${WITHHELD} IDENTITY data.` })
  gender: Gender | null;

  @Field(() => String, { nullable: true, description: `ISO date (YYYY-MM-DD). ${WITHHELD} IDENTITY data.` })
  dateOfBirth: string | null;

  @Field(() => AgeBandEnum)
  ageBand: AgeBand;

  @Field(() => Boolean, { nullable: true, description: 'Under 18; null while the age is unknown.' })
  minor: boolean | null;

  @Field({ description: 'A child or possibly a child (age unknown): the child track applies.' })
  possibleMinor: boolean;

  @Field(() => [String])
  languages: string[];

  @Field(() => [ImmediateNeedEnum])
  immediateNeeds: ImmediateNeed[];

  @Field(() => Boolean, { nullable: true, description: `${WITHHELD} HEALTH data.` })
  pregnant: boolean | null;

  @Field({ description: 'Needs medical care urgently (operational, so transport and shelter can act).' })
  urgentMedicalNeed: boolean;

  @Field(() => String, { nullable: true, description: `${WITHHELD} HEALTH data.` })
  medicalNotes: string | null;

  @Field(() => DocumentTypeEnum, { nullable: true, description: `${WITHHELD} LEGAL data.` })
  documentType: DocumentType | null;

  @Field(() => String, { nullable: true, description: `${WITHHELD} LEGAL data.` })
  documentNumber: string | null;

  @Field(() => String, { nullable: true, description: `${WITHHELD} CONTACT data.` })
  contact: string | null;

  @Field(() => String, { nullable: true, description: `${WITHHELD} NARRATIVE data.` })
  narrative: string | null;

  @Field(() => Boolean, { nullable: true, description: `${WITHHELD} SEXUAL_VIOLENCE data.` })
  sexualViolenceDisclosed: boolean | null;

  @Field(() => String, { nullable: true, description: `${WITHHELD} LOCATION data.` })
  currentLocation: string | null;

  @Field({ description: 'Nothing may be sent through the recorded contact (a monitored phone).' })
  doNotContact: boolean;

  @Field(() => Int, { description: 'Starts at 1; each change adds one (see personHistory).' })
  version: number;

  @Field(() => [DataCategoryEnum], { description: 'Categories of this person the caller may not see.' })
  withheldCategories: DataCategory[];

  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}

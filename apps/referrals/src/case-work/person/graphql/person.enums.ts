import { registerEnumType } from '@nestjs/graphql';
import { PERSON_RELATIONSHIPS } from '@passage/schemas';
import { AGE_BANDS, DOCUMENT_TYPES, GENDERS, IMMEDIATE_NEEDS, type AgeBand } from '../person-vocabulary.js';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

/** GraphQL names cannot start with a digit: `AGE_14_17` in the schema is `14_17` everywhere else. */
export const AgeBandEnum = Object.fromEntries(
  AGE_BANDS.map((band) => [/^\d/.test(band) ? `AGE_${band}` : band, band]),
) as Record<string, AgeBand>;
export const GenderEnum = asEnum(GENDERS);
export const ImmediateNeedEnum = asEnum(IMMEDIATE_NEEDS);
export const DocumentTypeEnum = asEnum(DOCUMENT_TYPES);
export const PersonRelationshipEnum = asEnum(PERSON_RELATIONSHIPS);

registerEnumType(AgeBandEnum, {
  name: 'AgeBand',
  description: 'Age band; UNKNOWN counts as a possible child.',
});
registerEnumType(GenderEnum, { name: 'Gender' });
registerEnumType(ImmediateNeedEnum, { name: 'ImmediateNeed', description: 'What a person needs at once.' });
registerEnumType(DocumentTypeEnum, { name: 'DocumentType' });
registerEnumType(PersonRelationshipEnum, {
  name: 'PersonRelationship',
  description: 'What a person is to another person of the same case (the added person is the CHILD of…).',
});

import { registerEnumType } from '@nestjs/graphql';
import { DATA_CATEGORIES, ORGANISATION_KINDS, ROLES } from '@passage/schemas';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

/** GraphQL enums shared by every subgraph (identical definitions compose in Federation 2). */
export const OrganisationKindEnum = asEnum(ORGANISATION_KINDS);
export const RoleEnum = asEnum(ROLES);
export const DataCategoryEnum = asEnum(DATA_CATEGORIES);

registerEnumType(OrganisationKindEnum, {
  name: 'OrganisationKind',
  description: 'What kind of organisation this is; it bounds what the organisation may ever see.',
});
registerEnumType(RoleEnum, { name: 'Role', description: 'A role a person holds in their organisation.' });
registerEnumType(DataCategoryEnum, {
  name: 'DataCategory',
  description: 'The kind of personal data a field holds.',
});

import { MessagingTables1763769600000 } from '@passage/shared';
import { IdentitySchema1763800000000 } from './1763800000000-identity-schema.js';
import { OrganisationDirectory1764500000000 } from './1764500000000-organisation-directory.js';
import { AttemptCountingAndRateLimits1765300000000 } from './1765300000000-attempt-counting-and-rate-limits.js';
import { SeparationOfDuties1765400000000 } from './1765400000000-separation-of-duties.js';

/** Every migration of the identity database, oldest first. Listed explicitly: ESM has no glob loading. */
export const IDENTITY_MIGRATIONS = [
  MessagingTables1763769600000,
  IdentitySchema1763800000000,
  OrganisationDirectory1764500000000,
  AttemptCountingAndRateLimits1765300000000,
  SeparationOfDuties1765400000000,
];

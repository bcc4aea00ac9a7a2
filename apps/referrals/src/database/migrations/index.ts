import { MessagingTables1763769600000 } from '@passage/shared';

/** Every migration of the referrals database, oldest first. Listed explicitly: ESM has no glob loading. */
export const REFERRALS_MIGRATIONS = [MessagingTables1763769600000];

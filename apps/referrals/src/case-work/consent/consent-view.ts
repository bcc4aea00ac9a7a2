import type { ConsentEntity } from './entities/consent.entity.js';
import type { ConsentModel } from './graphql/consent.model.js';

/** A consent as every reader of the case is shown it: standing unless withdrawn. */
export function toConsentModel(consent: ConsentEntity): ConsentModel {
  return {
    id: consent.id,
    personId: consent.personId,
    purpose: consent.purpose,
    standing: consent.withdrawnAt === null,
    language: consent.language,
    interpreterUsed: consent.interpreterUsed,
    interpreterLanguage: consent.interpreterLanguage,
    grantedBy: consent.grantedBy,
    grantedByOrganisationId: consent.grantedByOrganisationId,
    grantedAt: consent.grantedAt,
    withdrawnBy: consent.withdrawnBy,
    withdrawnAt: consent.withdrawnAt,
  };
}

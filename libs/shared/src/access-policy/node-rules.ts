import type { Actor, NodeTarget } from './access-subjects.js';
import { OVERSIGHT_ROLES } from './case-work-rules.js';
import type { Decision } from './policy-reasons.js';

/**
 * `node.status`: the node's services and exchange as they run (outbox backlog, consumers, mailboxes).
 * The platform operator runs the node and sees it; so does the oversight body of a country the node
 * hosts, which watches the operator. Nobody else: a backlog that grows and drains tells when cases
 * move, and immigration is kept to its firewall like everywhere else (docs/adr/025).
 */
export function decideNode(actor: Actor, target: NodeTarget | null): Decision {
  const roles = Array.isArray(actor.roles) ? actor.roles : [];
  switch (actor.organisationKind) {
    case 'PLATFORM_OPERATOR':
      return roles.includes('PLATFORM_ADMIN')
        ? { allowed: true, reason: 'ALLOWED_PLATFORM_ADMIN' }
        : { allowed: false, reason: 'ROLE_REQUIRED' };
    case 'OVERSIGHT':
      if (!roles.some((role) => OVERSIGHT_ROLES.includes(role))) {
        return { allowed: false, reason: 'ROLE_REQUIRED' };
      }
      return target !== null && target.hostedCountries.includes(actor.country)
        ? { allowed: true, reason: 'ALLOWED_OVERSIGHT' }
        : { allowed: false, reason: 'NO_NEED_TO_KNOW' };
    default:
      return { allowed: false, reason: 'KIND_NOT_PERMITTED' };
  }
}

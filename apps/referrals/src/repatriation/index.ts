/**
 * Repatriation: risk assessments, plans and their steps, exit clearance, arrival and follow-ups, and stay
 * pathways instead of a return that is not safe.
 */
export { REPATRIATION_ENTITIES } from './repatriation-entities.js';
export { RepatriationModule } from './repatriation.module.js';

/** Repatriation: risk assessments, plans and their steps, exit clearance, arrival and follow-ups. */
export { REPATRIATION_ENTITIES } from './repatriation-entities.js';
export { RepatriationModule } from './repatriation.module.js';

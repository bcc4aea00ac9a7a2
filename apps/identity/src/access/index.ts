export { IdentityAccess } from './identity-access.js';
export { IdentityAccessModule } from './identity-access.module.js';
export { SessionEnding } from './session-ending.js';

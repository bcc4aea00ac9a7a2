/** Cross-border work: the regional organisation directory and handoffs between countries. */
export { CrossBorderModule } from './cross-border.module.js';
export { OrganisationDirectory } from './organisation-directory/organisation-directory.js';

export { OrganisationEntity } from './entities/organisation.entity.js';
export { OrganisationModel } from './graphql/organisation.model.js';
export { OrganisationService } from './organisation.service.js';
export { OrganisationsModule } from './organisations.module.js';

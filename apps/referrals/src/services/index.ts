/** Services: the services directory and referrals inside one country. */
export { ServicesModule } from './services.module.js';

/** The referrals database: its TypeORM data source, with every context's entities and the migrations. */
export { createReferralsDataSource, referralsDataSourceOptions } from './referrals-data-source.js';
export { REFERRALS_MIGRATIONS } from './migrations/index.js';

import 'reflect-metadata';
import { exitOnInvalidConfig, startService } from '@passage/shared';
import { ReferralsAppModule } from './app.module.js';
import { massIntakeBody } from './case-work/index.js';
import { loadReferralsConfig } from './platform/index.js';

const config = exitOnInvalidConfig('referrals', loadReferralsConfig);
await startService({
  service: 'referrals',
  module: ReferralsAppModule.forConfig(config),
  config,
  largeOperations: [massIntakeBody(config.MASS_INTAKE_MAX_BODY)],
});

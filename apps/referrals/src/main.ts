import 'reflect-metadata';
import { exitOnInvalidConfig, startService } from '@passage/shared';
import { ReferralsAppModule } from './app.module.js';
import { loadReferralsConfig } from './platform/index.js';

const config = exitOnInvalidConfig('referrals', loadReferralsConfig);
await startService({ service: 'referrals', module: ReferralsAppModule.forConfig(config), config });

import 'reflect-metadata';
import { exitOnInvalidConfig, startService } from '@passage/shared';
import { IdentityAppModule } from './app.module.js';
import { loadIdentityConfig } from './config/index.js';

const config = exitOnInvalidConfig('identity', loadIdentityConfig);
await startService({ service: 'identity', module: IdentityAppModule.forConfig(config), config });

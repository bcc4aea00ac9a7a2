import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { exitOnInvalidConfig, PassageLogger, createLogger } from '@passage/shared';
import { loadIdentityConfig } from '../config/index.js';
import { loadDemoSeedConfig } from './demo-seed.config.js';
import { DemoSeedModule } from './demo-seed.module.js';
import { DemoSeeder } from './demo-seeder.js';

// The demo seed's own entry (`npm run seed:demo`), so the service's runtime configuration and modules
// carry nothing of the demonstration data.
const config = exitOnInvalidConfig('identity', loadIdentityConfig);
const { DEMO_PASSWORD } = exitOnInvalidConfig('identity demo seed', loadDemoSeedConfig);
if (config.NODE_ENV === 'production') {
  process.stderr.write('identity demo seed: refusing to create demo accounts with NODE_ENV=production\n');
  process.exit(78);
}
const logger = new PassageLogger(
  createLogger({ service: 'identity-seed', nodeId: config.NODE_ID, level: 'warn' }),
);
const app = await NestFactory.createApplicationContext(DemoSeedModule.forConfig(config), { logger });
try {
  const created = await app.get(DemoSeeder).seed(DEMO_PASSWORD);
  process.stdout.write(
    `identity demo seed: ${created.organisations} organisations and ${created.users} people created\n`,
  );
} finally {
  await app.close();
}

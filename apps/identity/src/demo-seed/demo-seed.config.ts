import { z } from 'zod';
import { field, loadConfig, secret, type LoadedConfig } from '@passage/shared';
import { DEFAULT_DEMO_PASSWORD } from './demo-personas.js';

const demoSeedConfigSchema = z.object({
  /** The one password every demo persona gets (documented in the README). */
  DEMO_PASSWORD: secret(field.text()).default(DEFAULT_DEMO_PASSWORD),
});

/** The demo seed's own setting, read beside the service's configuration and never part of it. */
export function loadDemoSeedConfig(): LoadedConfig<typeof demoSeedConfigSchema> {
  return loadConfig(demoSeedConfigSchema);
}

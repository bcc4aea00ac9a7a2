import type { ReadinessCheckDefinition } from '../health/index.js';
import { MessagingLifecycle } from './messaging-lifecycle.js';

/** Ready only once topics exist and every registered consumer runs. */
export function consumersReadinessCheck(name = 'kafka-consumers'): ReadinessCheckDefinition {
  return {
    name,
    inject: [MessagingLifecycle],
    useFactory: (messaging: MessagingLifecycle) => async () => {
      if (!messaging.isConsuming()) throw new Error('consumers have not started yet');
    },
  };
}

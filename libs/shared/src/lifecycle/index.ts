export {
  installGracefulShutdown,
  type GracefulShutdown,
  type GracefulShutdownOptions,
  type ShutdownProcess,
} from './graceful-shutdown.js';

export * from './test-environment.js';
export * from './test-database.js';
export * from './test-kafka.js';
export * from './eventually.js';
export * from './local-kafka-control.js';

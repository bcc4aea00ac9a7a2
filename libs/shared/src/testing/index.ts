export * from './test-environment.js';
export * from './test-database.js';
export * from './test-kafka.js';
export * from './eventually.js';
export * from './local-kafka-control.js';
export * from './throwaway-exchange-keys.js';
export * from './subgraph-contract.js';

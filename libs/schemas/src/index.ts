export * from './events/event-envelope.js';
export * from './events/event-definition.js';
export * from './events/event-catalogue.js';
export * from './events/exchange/envelope-rejected.v1.js';
export * from './topics/topic-names.js';
export * from './reference/countries.js';
export * from './access/organisation-kinds.js';
export * from './access/data-categories.js';

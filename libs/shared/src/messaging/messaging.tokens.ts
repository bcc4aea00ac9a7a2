/** Injection token of the service's {@link MessageBus}. */
export const MESSAGE_BUS = Symbol('MESSAGE_BUS');
/** Injection token of the {@link MessagingModuleOptions}. */
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

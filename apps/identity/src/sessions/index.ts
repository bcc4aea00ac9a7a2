export { RefreshTokenEntity } from './entities/refresh-token.entity.js';
export { SessionEntity } from './entities/session.entity.js';
export { SessionService } from './session.service.js';
export { SessionsModule } from './sessions.module.js';
export { SignInRateLimits } from './sign-in-rate-limits.js';

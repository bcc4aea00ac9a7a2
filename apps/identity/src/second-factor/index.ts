export { RecoveryCodeEntity } from './entities/recovery-code.entity.js';
export { SecondFactor } from './second-factor.js';
export { SecondFactorModule } from './second-factor.module.js';

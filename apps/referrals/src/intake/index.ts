/** Intake: rescue requests across borders and the compounds they are grouped under. */
export { IntakeModule } from './intake.module.js';

/** How a case came about. A self-exit (escape or ransom) has exactly the rights of a rescue. */
export const CASE_ORIGINS = [
  'RESCUE',
  'SELF_EXIT_ESCAPE',
  'SELF_EXIT_RANSOM',
  'WALK_IN',
  'MASS_INTAKE',
] as const;
export type CaseOrigin = (typeof CASE_ORIGINS)[number];

/** Origins `openCase` accepts; a mass intake goes through `registerMassIntake`. */
export const SINGLE_CASE_ORIGINS = ['RESCUE', 'SELF_EXIT_ESCAPE', 'SELF_EXIT_RANSOM', 'WALK_IN'] as const;

export const CASE_STATUSES = ['OPEN', 'CLOSED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Rescue outcomes after which the people are out and a case may be opened. */
export const CASE_OPENING_RESCUE_OUTCOMES = ['RELEASED', 'ESCAPED', 'RANSOMED'] as const;

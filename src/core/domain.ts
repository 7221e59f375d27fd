export const STAGES = ['creating-capacity', 'plan', 'do', 'assess', 'revise'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_CODES = {
  'creating-capacity': 'CC',
  plan: 'PL',
  do: 'DO',
  assess: 'AS',
  revise: 'RV',
} as const satisfies Record<Stage, string>;

export const STAGE_TITLES = {
  'creating-capacity': 'Creating Capacity',
  plan: 'Plan',
  do: 'Do',
  assess: 'Assess',
  revise: 'Revise',
} as const satisfies Record<Stage, string>;

export const LEVELS = [1, 2, 3] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_NAMES = { 1: 'Commit', 2: 'Implement', 3: 'Manage' } as const satisfies Record<Level, string>;

export const SIZES = ['small', 'medium', 'large', 'very-large'] as const;
export type Size = (typeof SIZES)[number];

export const ROLES = ['lead', 'senior'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_TITLES = {
  lead: 'Social Value Lead',
  senior: 'Social Value Senior Leader',
} as const satisfies Record<Role, string>;

/** An award stays valid for this many years. */
export const AWARD_VALIDITY_YEARS = 2;

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

export function isLevel(value: unknown): value is Level {
  return typeof value === 'number' && (LEVELS as readonly number[]).includes(value);
}

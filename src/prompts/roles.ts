/** Who is looking at the sidebar; rules and openers can differ by role. */
export const ROLE_IDS = ['gp', 'nurse', 'receptionist'] as const;

export type Role = (typeof ROLE_IDS)[number];

/** Referrers listed in the settings may also be "other" practice staff. */
export const STAFF_ROLE_IDS = [...ROLE_IDS, 'other'] as const;
export type StaffRole = (typeof STAFF_ROLE_IDS)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLE_IDS as readonly string[]).includes(value);
}

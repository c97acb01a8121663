/** Roles of the people who act on a case; the access issue checks them on every endpoint. */
export const ROLES = [
  'coordinator',
  'advisingPhysician',
  'rizivReviewer',
  'hcgriMember',
  'employmentCounsellor',
  'supervisor',
  'auditor',
  'administrator',
] as const;
export type Role = (typeof ROLES)[number];

/** Who performed a human step: a staff identifier (never a national number) and the role used. */
export interface Actor {
  id: string;
  role: Role;
}

/** Every human decision carries its actor and the reason they gave, for the audit log. */
export interface HumanStep {
  actor: Actor;
  reason?: string;
}

import type { Role } from './api/types';

/** Who may use which page (the API checks again on every call: apps/api/src/auth/access-policy.ts). */
export const PAGE_ROLES = {
  inbox: ['coordinator', 'advisingPhysician', 'rizivReviewer', 'hcgriMember', 'employmentCounsellor', 'supervisor'],
  cases: ['coordinator', 'advisingPhysician', 'rizivReviewer', 'hcgriMember', 'employmentCounsellor', 'supervisor', 'auditor'],
  startCase: ['coordinator'],
  reportIncapacity: ['coordinator'],
  dashboard: ['supervisor', 'auditor', 'administrator'],
  audit: ['auditor', 'administrator', 'supervisor'],
  replay: ['auditor', 'administrator'],
  historyExport: ['auditor', 'administrator'],
  timeline: ['auditor', 'supervisor', 'coordinator', 'advisingPhysician'],
  runReport: ['supervisor', 'administrator'],
  assignTask: ['supervisor'],
} as const satisfies Record<string, readonly Role[]>;

/** Each role's start page: the inbox for staff with tasks, the dashboard for management, the audit for auditors. */
export function startPage(roles: readonly Role[]): string {
  if (roles.includes('auditor')) return '/audit';
  if (
    roles.some((role) =>
      (['coordinator', 'advisingPhysician', 'rizivReviewer', 'hcgriMember', 'employmentCounsellor'] as Role[]).includes(role),
    )
  )
    return '/inbox';
  if (roles.includes('supervisor') || roles.includes('administrator')) return '/dashboard';
  return '/no-work';
}

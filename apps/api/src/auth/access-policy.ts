import type { Role } from '@tnw/contracts';

/**
 * Who may use which part of the API, by role. Human steps take their roles from STEP_ROLES and
 * EPISODE_STEP_ROLES (libs/contracts); the groups here cover the rest. test/e2e/access-matrix.e2e.ts
 * checks every endpoint against every role.
 */
export const ACCESS = {
  /** People who work on or oversee cases; the administrator runs the system, not cases. */
  caseReaders: ['coordinator', 'advisingPhysician', 'rizivReviewer', 'hcgriMember', 'employmentCounsellor', 'supervisor', 'auditor'],
  /** An incapacity episode holds the category of remaining capacity, a medical finding. */
  episodeReaders: ['coordinator', 'advisingPhysician', 'supervisor', 'auditor'],
  caseStarters: ['coordinator'],
  /** The coordinator by hand, or the mutuality's gateway as a system. */
  episodeReporters: ['coordinator', 'partner'],
  /** Roles that receive tasks in an inbox. */
  taskHolders: ['coordinator', 'advisingPhysician', 'rizivReviewer', 'hcgriMember', 'employmentCounsellor', 'supervisor'],
  taskAssigners: ['supervisor'],
  /** The funding indicators: management, the auditors and the people who run the system. */
  reportReaders: ['supervisor', 'auditor', 'administrator'],
  reportRunners: ['supervisor', 'administrator'],
  /**
   * A case's timeline shows decoded content (who did what, the reasons they typed): the people
   * who handle the case, their supervisors, and the auditors.
   */
  timelineReaders: ['coordinator', 'advisingPhysician', 'supervisor', 'auditor'],
  /** The history as Temporal stores it (payloads encrypted): auditors, and administrators, who run Temporal. */
  historyExporters: ['auditor', 'administrator'],
  /** Replays answer verdicts only: auditors, and administrators checking a deployment against running cases. */
  replayers: ['auditor', 'administrator'],
  partners: ['partner'],
  everyone: ['coordinator', 'advisingPhysician', 'rizivReviewer', 'hcgriMember', 'employmentCounsellor', 'supervisor', 'auditor', 'administrator'],
} as const satisfies Record<string, readonly (Role | 'partner')[]>;

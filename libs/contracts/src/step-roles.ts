import type { Role } from './actor';

/**
 * Who may take each human step of the case workflows. Workflows refuse a step by another role
 * (defence in depth); the API's access checks use the same table.
 */
export const STEP_ROLES = {
  recordAdvisingPhysicianAgreement: ['advisingPhysician'],
  recordFirstContact: ['coordinator'],
  signEngagementDeclaration: ['coordinator'],
  fileTrainingRequest: ['coordinator'],
  referToEmploymentService: ['coordinator'],
  issueRtwFundVoucher: ['coordinator'],
  referToOccupationalPhysician: ['coordinator'],
  requestPartialResumption: ['coordinator', 'advisingPhysician'],
  decidePartialResumption: ['advisingPhysician'],
  recordTrainingOutcome: ['coordinator', 'employmentCounsellor'],
  recordFollowUp: ['advisingPhysician'],
  recordOutcome: ['coordinator'],
  stopTrajectory: ['coordinator'],
  /** A partner call retried for its whole bound waits for this decision (workflows/shared/partner-calls.ts). */
  retryPartnerCall: ['coordinator'],
  recordPhysicianAdvice: ['advisingPhysician'],
  recordRizivExamination: ['rizivReviewer'],
  recordHcgriDecision: ['hcgriMember'],
} as const satisfies Record<string, readonly Role[]>;

export type HumanStepName = keyof typeof STEP_ROLES;

/**
 * Who may take each human step of an episode, checked by the API. The episode workflow itself
 * checks the category decision (D8: the advising physician's finding); the others are
 * administrative steps of the mutuality's staff.
 */
export const EPISODE_STEP_ROLES = {
  returnQuestionnaire: ['coordinator'],
  decideCategory: ['advisingPhysician'],
  recordContactMoment: ['coordinator', 'advisingPhysician'],
  renewInvalidity: ['advisingPhysician'],
  recordNonCooperation: ['coordinator', 'advisingPhysician'],
  reportRelapse: ['coordinator', 'advisingPhysician'],
  endEpisode: ['coordinator', 'advisingPhysician'],
  retryPartnerCall: ['coordinator'],
} as const satisfies Record<string, readonly Role[]>;

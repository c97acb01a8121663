import type { RuleId } from '@tnw/domain';

/** Readable names of what the histories record. Unknown names are spelled out from camelCase. */

export const WORKFLOW_LABELS: Record<string, string> = {
  trajectoryWorkflow: 'Trajectory',
  trainingReviewWorkflow: 'Training review',
  episodeWorkflow: 'Incapacity episode',
  monthlyReportWorkflow: 'Monthly funding report',
};

/** Human steps (workflow updates), by update name. */
export const STEP_LABELS: Record<string, string> = {
  recordAdvisingPhysicianAgreement: "Advising physician's agreement recorded",
  recordFirstContact: 'First contact recorded',
  signEngagementDeclaration: 'Engagement declaration signed',
  fileTrainingRequest: 'Training project filed',
  recordTrainingOutcome: 'Training outcome recorded',
  recordFollowUp: 'Follow-up recorded',
  recordOutcome: 'Outcome recorded',
  stopTrajectory: 'Trajectory stopped at the insured’s request',
  referToEmploymentService: 'Referred to the employment service',
  requestPartialResumption: 'Partial work resumption requested',
  decidePartialResumption: 'Partial work resumption decided',
  issueRtwFundVoucher: 'Return-to-work fund voucher issued',
  referToOccupationalPhysician: 'Referred to the occupational physician (Codex reintegration)',
  recordPhysicianAdvice: "Advising physician's advice on the training project",
  recordRizivExamination: "RIZIV's examination of the training project",
  recordHcgriDecision: "HCGRI's decision on the training project",
  returnQuestionnaire: 'Questionnaire returned',
  decideCategory: 'Category of remaining capacity decided',
  recordContactMoment: 'Contact moment held',
  renewInvalidity: 'Invalidity renewed',
  recordNonCooperation: 'Non-cooperation recorded',
  reportRelapse: 'Relapse reported',
  endEpisode: 'Episode ended',
  retryPartnerCall: 'Unanswered partner call tried again',
};

/**
 * The rule a human step applies, where the step is that rule's subject (the deadline it meets,
 * the decision it records). Steps absent here apply no dated rule of the rulebook.
 */
export const STEP_RULES: Record<string, RuleId> = {
  recordAdvisingPhysicianAgreement: 'routeB.advisingPhysicianAgreement',
  recordFirstContact: 'coordinator.firstContactWithin',
  signEngagementDeclaration: 'presumption.maxDuration',
  recordFollowUp: 'advisingPhysician.followUpEvery',
  stopTrajectory: 'participation.voluntary',
  referToEmploymentService: 'employmentService.byResidence',
  requestPartialResumption: 'partialResumption.requestDueWorkingDaysBefore',
  decidePartialResumption: 'partialResumption.requestDueWorkingDaysBefore',
  issueRtwFundVoucher: 'rtwFund.eligibleGroups',
  referToOccupationalPhysician: 'codex.assessmentWithin',
  returnQuestionnaire: 'questionnaire.returnWithin',
  decideCategory: 'category.decisionAtMonth',
  recordContactMoment: 'contactMoments.months',
  renewInvalidity: 'invalidity.renewalCertificateMaxValidity',
  reportRelapse: 'relapse.primaryWindow',
};

/** Which of a rule's deadlines a step meets, when one rule gives several (named by their kind). */
export const STEP_HINTS: Record<string, (step: Record<string, unknown>) => string> = {
  recordContactMoment: (step) => `contactMoment-${String(step.month)}`,
};

export const SIGNAL_LABELS: Record<string, string> = {
  employmentServiceEvent: 'The employment service reported',
  employerReintegrationEvent: "The employer's prevention service reported",
};

/** Calls to partners and notices; the read-model projections and the audit append are not shown. */
export const ACTIVITY_LABELS: Record<string, string> = {
  verifyMembership: 'Membership checked with the mutuality',
  confirmInvalidity: 'Invalidity checked with the mutuality',
  sendInsuredLetter: 'Letter sent to the insured',
  sendEpisodeLetter: 'Letter sent to the insured',
  registerTrainingDossier: 'Training dossier registered at RIZIV',
  payTrainingIntervention: 'Training intervention paid',
  registerAtEmploymentService: 'Registration sent to the employment service',
  requestEmployerReintegration: "Reintegration requested from the employer's prevention service",
  notifyCoordinator: 'Coordinator notified',
  notifyNonCooperation: 'Non-cooperation notified',
  openTask: 'Task opened',
  computeMonthlyReport: 'Monthly report computed',
};

export const HIDDEN_ACTIVITIES = new Set([
  'projectCase',
  'projectEpisode',
  'replaceTasks',
  'appendAuditEntry',
  'computePartialResumptionDeadline',
]);

/**
 * Values an auditor may see in an entry's details: dates, choices and outcomes of the steps.
 * Everything else (the pseudonymous person ID, free text sent to partners, ...) stays out; the
 * national number never reaches a history in the first place, and `scrub` masks it if it did.
 */
export const DETAIL_KEYS = new Set([
  'route',
  'referralDate',
  'incapacityStartDate',
  'employmentService',
  'regime',
  'contract',
  'heldOn',
  'signedOn',
  'on',
  'result',
  'outcome',
  'advice',
  'decision',
  'decidedBy',
  'agrees',
  'authorised',
  'resumesOn',
  'requestedOn',
  'issuedOn',
  'provider',
  'title',
  'startsOn',
  'endsOn',
  'submittedBy',
  'consent',
  'filedOn',
  'kind',
  'registered',
  'service',
  'member',
  'mutuality',
  'inInvalidity',
  'since',
  'onDate',
  'event',
  'eventId',
  'occurredOn',
  'registrationId',
  'requestId',
  'dossierId',
  'paymentId',
  'letterId',
  'status',
  'phase',
  'endedOn',
  'firstContactDate',
  'engagementSignedOn',
  'presumptionUntil',
  'category',
  'returnedOn',
  'decidedOn',
  'month',
  'stage',
  'role',
  'step',
  'message',
  'dueAt',
  'ruleId',
  'late',
  'dueDate',
  'invalidityYear',
  'basis',
  'exception',
  'validUntil',
  'lastDay',
  'newStart',
  'recognisedFrom',
]);

export function spelledOut(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

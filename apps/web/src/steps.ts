import type { LiveState, Role } from './api/types';
import { REASON, type FieldDef } from './components/ApiForm';

/** A human step the app can record: its endpoint, who takes it, its fields and when it applies. */
export interface StepDef {
  id: string;
  path: string;
  roles: readonly Role[];
  fields: readonly FieldDef[];
  /** Whether the step applies in this state (the workflow has the last word and says why not). */
  applies: (live: LiveState) => boolean;
}

const date = (name: string, required = true): FieldDef => ({ name, kind: 'date', required });
const isActive = (live: LiveState) => live.status === 'active';
const trainingIs = (status: string) => (live: LiveState) => live.training?.status === status;
const ENDED = ['refused', 'notAMember', 'stopped', 'completed', 'firstContactHeld'];
/** The partner whose waiting calls a retry decision is for (libs/contracts PARTNERS); all when empty. */
const PARTNER: FieldDef = {
  name: 'partner',
  kind: 'select',
  options: ['mutuality', 'riziv', 'employmentService', 'employer', 'letters'],
};

/** The trajectory's steps (apps/api/src/cases/case-steps.controller.ts), in the order they usually come. */
export const CASE_STEPS: readonly StepDef[] = [
  {
    id: 'advisingPhysicianAgreement',
    path: 'advising-physician-agreement',
    roles: ['advisingPhysician'],
    fields: [{ name: 'agrees', kind: 'boolean', required: true }, REASON],
    applies: (live) => live.status === 'awaitingAdvisingPhysicianAgreement',
  },
  {
    id: 'firstContact',
    path: 'first-contact',
    roles: ['coordinator'],
    fields: [date('heldOn'), REASON],
    applies: (live) => live.status === 'awaitingFirstContact' || live.status === 'firstContactOverdue',
  },
  {
    id: 'engagementDeclaration',
    path: 'engagement-declaration',
    roles: ['coordinator'],
    fields: [date('signedOn'), REASON],
    applies: (live) => isActive(live) && !live.engagementSignedOn,
  },
  {
    id: 'trainingRequest',
    path: 'training-requests',
    roles: ['coordinator'],
    fields: [
      { name: 'title', kind: 'text', required: true, maxLength: 200 },
      { name: 'provider', kind: 'text', required: true, maxLength: 200 },
      date('startsOn'),
      date('endsOn'),
      { name: 'submittedBy', kind: 'select', options: ['insured', 'employmentCounsellor'], required: true },
      REASON,
    ],
    applies: (live) => isActive(live) && live.training?.status !== 'inReview' && live.training?.status !== 'approved',
  },
  {
    id: 'physicianAdvice',
    path: 'training-review/physician-advice',
    roles: ['advisingPhysician'],
    fields: [{ name: 'advice', kind: 'select', options: ['favourable', 'unfavourable'], required: true }, REASON],
    applies: trainingIs('inReview'),
  },
  {
    id: 'rizivExamination',
    path: 'training-review/riziv-examination',
    roles: ['rizivReviewer'],
    fields: [{ name: 'advice', kind: 'select', options: ['favourable', 'unfavourable'], required: true }, REASON],
    applies: trainingIs('inReview'),
  },
  {
    id: 'hcgriDecision',
    path: 'training-review/hcgri-decision',
    roles: ['hcgriMember'],
    fields: [{ name: 'decision', kind: 'select', options: ['approved', 'refused'], required: true }, REASON],
    applies: trainingIs('inReview'),
  },
  {
    id: 'trainingOutcome',
    path: 'training-outcome',
    roles: ['coordinator', 'employmentCounsellor'],
    fields: [{ name: 'result', kind: 'select', options: ['passed', 'failed', 'abandoned'], required: true }, date('on'), REASON],
    applies: trainingIs('approved'),
  },
  { id: 'followUp', path: 'follow-ups', roles: ['advisingPhysician'], fields: [date('heldOn'), REASON], applies: isActive },
  {
    id: 'employmentReferral',
    path: 'employment-service-referral',
    roles: ['coordinator'],
    fields: [{ name: 'summary', kind: 'textarea', maxLength: 1000 }, REASON],
    applies: (live) => isActive(live) && (!live.employmentReferral || live.employmentReferral.status === 'ended'),
  },
  {
    id: 'occupationalReferral',
    path: 'occupational-physician-referral',
    roles: ['coordinator'],
    fields: [{ name: 'consent', kind: 'boolean', required: true }, date('requestedOn'), REASON],
    applies: (live) => isActive(live) && !live.reintegration,
  },
  {
    id: 'rtwFundVoucher',
    path: 'rtw-fund-voucher',
    roles: ['coordinator'],
    fields: [{ name: 'provider', kind: 'text', required: true, maxLength: 200 }, date('issuedOn'), REASON],
    applies: (live) => isActive(live) && !live.rtwFundVoucher,
  },
  {
    id: 'partialResumption',
    path: 'partial-resumption',
    roles: ['coordinator', 'advisingPhysician'],
    fields: [date('resumesOn'), date('requestedOn'), REASON],
    applies: (live) => isActive(live) && live.partialResumption?.status !== 'awaitingAuthorisation',
  },
  {
    id: 'partialResumptionDecision',
    path: 'partial-resumption/decision',
    roles: ['advisingPhysician'],
    fields: [{ name: 'authorised', kind: 'boolean', required: true }, REASON],
    applies: (live) => live.partialResumption?.status === 'awaitingAuthorisation',
  },
  {
    id: 'outcome',
    path: 'outcome',
    roles: ['coordinator'],
    fields: [
      {
        name: 'outcome',
        kind: 'select',
        options: ['workResumedOwnEmployer', 'workResumedOtherEmployer', 'selfEmployment', 'medicalReasons'],
        required: true,
      },
      date('on'),
      REASON,
    ],
    applies: (live) => isActive(live) && live.training?.status !== 'inReview',
  },
  { id: 'stop', path: 'stop', roles: ['coordinator'], fields: [REASON], applies: (live) => !ENDED.includes(live.status) },
  {
    id: 'retryPartnerCall',
    path: 'retry-partner-call',
    roles: ['coordinator'],
    fields: [PARTNER, REASON],
    // Calls of a training review in progress wait in the review, whose state is not shown here.
    applies: (live) => (live.partnerCalls?.length ?? 0) > 0,
  },
];

/** The incapacity episode's steps (apps/api/src/episodes/episode-steps.controller.ts). */
export const EPISODE_STEPS: readonly StepDef[] = [
  {
    id: 'questionnaireReturn',
    path: 'questionnaire-return',
    roles: ['coordinator'],
    fields: [date('returnedOn'), REASON],
    applies: () => true,
  },
  {
    id: 'categoryDecision',
    path: 'category-decision',
    roles: ['advisingPhysician'],
    fields: [
      { name: 'category', kind: 'select', options: ['1', '2', '3', '4'], numeric: true, required: true },
      date('decidedOn'),
      REASON,
    ],
    applies: () => true,
  },
  {
    id: 'contactMoment',
    path: 'contact-moments',
    roles: ['coordinator', 'advisingPhysician'],
    fields: [{ name: 'month', kind: 'number', min: 1, max: 12, required: true }, date('heldOn'), REASON],
    applies: () => true,
  },
  {
    id: 'invalidityRenewal',
    path: 'invalidity-renewal',
    roles: ['advisingPhysician'],
    fields: [
      { name: 'basis', kind: 'select', options: ['certificate', 'exception'], required: true },
      { ...date('issuedOn'), showIf: (v) => v.basis === 'certificate' },
      { ...date('validUntil', false), showIf: (v) => v.basis === 'certificate' },
      {
        name: 'exception',
        kind: 'select',
        options: ['verySeverePathology', 'veryLongPathology'],
        required: true,
        showIf: (v) => v.basis === 'exception',
      },
      { ...date('decidedOn'), showIf: (v) => v.basis === 'exception' },
      REASON,
    ],
    applies: () => true,
  },
  {
    id: 'nonCooperation',
    path: 'non-cooperation',
    roles: ['coordinator', 'advisingPhysician'],
    fields: [
      { name: 'kind', kind: 'select', options: ['noAnswerToInvitation', 'missedContact'], required: true },
      date('occurredOn'),
      REASON,
    ],
    applies: () => true,
  },
  {
    id: 'relapse',
    path: 'relapse',
    roles: ['coordinator', 'advisingPhysician'],
    fields: [date('newStart'), REASON],
    applies: () => true,
  },
  { id: 'end', path: 'end', roles: ['coordinator', 'advisingPhysician'], fields: [date('lastDay'), REASON], applies: () => true },
  { id: 'retryPartnerCall', path: 'retry-partner-call', roles: ['coordinator'], fields: [PARTNER, REASON], applies: () => true },
];

/** The task of a partner call waiting for a decision (libs/contracts partnerUnreachableTaskKind). */
const PARTNER_TASK = /^(?:review)?[pP]artnerUnreachable-\w+$/;

/** The step that completes a task of the inbox, by the task's kind. */
const STEP_OF_TASK: Record<string, string> = {
  advisingPhysicianAgreement: 'advisingPhysicianAgreement',
  firstContact: 'firstContact',
  trainingAdvice: 'physicianAdvice',
  rizivExamination: 'rizivExamination',
  hcgriDecision: 'hcgriDecision',
  trainingOutcome: 'trainingOutcome',
  trainingNotCompleted: 'outcome',
  followUp: 'followUp',
  reevaluation: 'followUp',
  partialResumptionAuthorisation: 'partialResumptionDecision',
  questionnaireFollowUp: 'questionnaireReturn',
  categoryDecision: 'categoryDecision',
};

export function stepOfTask(kind: string): string | undefined {
  if (PARTNER_TASK.test(kind)) return 'retryPartnerCall';
  return STEP_OF_TASK[kind] ?? (/^contact/i.test(kind) && !kind.endsWith('Overdue') ? 'contactMoment' : undefined);
}

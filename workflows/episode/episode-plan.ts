import {
  partnerUnreachableTaskKind,
  type EpisodeDeadline,
  type EpisodeDuty,
  type EpisodeInput,
  type EpisodeLetterKind,
  type EpisodeState,
  type EpisodeTask,
} from '@tnw/contracts';
import {
  addDays,
  addPeriod,
  createDeadlines,
  incapacityPhaseOn,
  startOfDayInBrussels,
  type Deadline,
  type IsoDate,
  type Rulebook,
} from '@tnw/domain';

/**
 * Pure planning of an episode: which deadlines apply, read from the rulebook in force on the
 * episode's start date (D7, D8, D10, D11), so an episode from 2025 and one from 2026 differ as
 * the law did. No clock here: the workflow passes the instants it needs.
 */
export function planEpisode(input: EpisodeInput, rules: Rulebook): EpisodeState {
  const deadlines = createDeadlines(rules);
  const start = input.incapacityStartDate;
  return {
    episodeId: input.episodeId,
    status: 'active',
    phase: 'primary',
    invalidityStartsOn: deadlineView('invalidityStart', deadlines.invalidityStartsOn(start)),
    questionnaire: { sendOn: deadlineView('questionnaireSend', deadlines.questionnaireSentOn(start)) },
    category: { due: deadlineView('categoryDecision', deadlines.categoryDecisionDue(start)) },
    contactMoments: rules.inForce('contactMoments.months', start)
      ? deadlines.contactMoments(start).map((window) => {
          const month = Number(window.explanation.inputs.month);
          return { month, window: deadlineView(`contactMoment-${month}`, window) };
        })
      : [],
    duties: contractDuties(input, rules),
    relapses: [],
    nonCooperation: [],
    notices: [],
  };
}

/**
 * D6/D11 for a person under contract: when the occupational physician can act (month 4 until
 * 2025, month 1 since 2026) and, since 2026, the employer's work-potential assessment and
 * reintegration start. Rule date: the episode's start.
 */
export function contractDuties(input: EpisodeInput, rules: Rulebook): EpisodeDuty[] {
  if (input.contract !== 'underContract') return [];
  const deadlines = createDeadlines(rules);
  const start = input.incapacityStartDate;
  const duties: EpisodeDuty[] = [];
  if (rules.inForce('occupationalPhysician.fromMonth', start)) {
    duties.push({ duty: 'occupationalPhysicianFrom', deadline: deadlineView('occupationalPhysicianFrom', deadlines.occupationalPhysicianFrom(start)) });
  }
  if (rules.inForce('employer.workPotentialAssessmentAfter', start)) {
    duties.push({
      duty: 'employerWorkPotentialAssessment',
      deadline: deadlineView('employerWorkPotentialAssessment', deadlines.employerWorkPotentialAssessmentOn(start)),
    });
  }
  if (rules.inForce('employer.reintegrationStartWithin', start)) {
    duties.push({
      duty: 'employerReintegrationStart',
      deadline: deadlineView('employerReintegrationStart', deadlines.employerReintegrationStartDue(start)),
    });
  }
  return duties;
}

/**
 * D11: a person without a contract whose work potential the advising physician recognised
 * (category 4) registers at the employment service; the first conversation follows within the
 * rule's period. Registration is requested on the decision day and counted from it. Only for
 * episodes under the 2026 rules (rule date: the episode's start).
 */
export function registrationDuty(input: EpisodeInput, rules: Rulebook, decidedOn: IsoDate): EpisodeDuty | undefined {
  const start = input.incapacityStartDate;
  if (input.contract === 'underContract' || !rules.inForce('noContract.firstConversationWithin', start)) return undefined;
  const due = createDeadlines(rules).noContractFirstConversationDue(decidedOn, start);
  return { duty: 'employmentServiceRegistration', deadline: deadlineView('employmentServiceFirstConversation', due) };
}

/** D5: the last day a new incapacity can start and still continue this episode. */
export function relapsePossibleUntil(incapacityStart: IsoDate, lastDay: IsoDate, rules: Rulebook): IsoDate {
  const { phase } = incapacityPhaseOn(incapacityStart, lastDay, rules);
  const window = rules.rule(phase === 'invalidity' ? 'relapse.invalidityWindow' : 'relapse.primaryWindow', addDays(lastDay, 1));
  return addPeriod(lastDay, window.value);
}

/** Whether a letter must be registered (D21 rule); kinds the rulebook does not list are not. */
export function registeredLetter(kind: EpisodeLetterKind, onDate: IsoDate, rules: Rulebook): boolean {
  return (rules.rule('letters.registeredLetterRequiredFor', onDate).value as readonly string[]).includes(kind);
}

/** `days` calendar days before a deadline expires, at 00:00 Brussels. */
export function daysBeforeExpiry(deadline: EpisodeDeadline, days: number): string {
  return startOfDayInBrussels(addDays(deadline.dueDate, 1 - days));
}

/** D24: a certificate may be valid for less than the legal maximum (`longest`). */
export function certificateValidityView(longest: EpisodeDeadline, validUntil = longest.dueDate): EpisodeDeadline {
  if (validUntil === longest.dueDate) return longest;
  return {
    ...longest,
    dueDate: validUntil,
    firesAt: startOfDayInBrussels(validUntil),
    expiresAt: startOfDayInBrussels(addDays(validUntil, 1)),
    explanation: `The certificate is valid until ${validUntil}, within the maximum: ${longest.explanation}`,
  };
}

export function expiryOf(deadline: EpisodeDeadline): string {
  if (!deadline.expiresAt) throw new Error(`${deadline.ruleId} is not a deadline that expires`);
  return deadline.expiresAt;
}

export function opensAt(deadline: EpisodeDeadline): string {
  return startOfDayInBrussels(deadline.opensOn ?? deadline.dueDate);
}

export function deadlineView(kind: string, deadline: Deadline): EpisodeDeadline {
  return {
    kind,
    ...(deadline.opensOn ? { opensOn: deadline.opensOn } : {}),
    dueDate: deadline.date,
    firesAt: deadline.firesAt,
    ...(deadline.expiresAt ? { expiresAt: deadline.expiresAt } : {}),
    ruleId: deadline.explanation.ruleId,
    explanation: deadline.explanation.text,
  };
}

/** The tasks in the staff's inboxes, derived from the state (the read model replaces them whole). */
export function openTasksOf(state: EpisodeState): EpisodeTask[] {
  return [...stepTasksOf(state), ...partnerTasksOf(state)];
}

/**
 * One task per partner with calls waiting for a decision, for the coordinator, whatever the
 * episode's status (the letter that the benefit ended may wait too); due since the bound passed.
 */
function partnerTasksOf(state: EpisodeState): EpisodeTask[] {
  const first = new Map<string, EpisodeTask>();
  for (const call of state.partnerCalls ?? []) {
    const kind = partnerUnreachableTaskKind(call.partner);
    if (!first.has(kind)) first.set(kind, { kind, role: 'coordinator', dueAt: call.since });
  }
  return [...first.values()];
}

function stepTasksOf(state: EpisodeState): EpisodeTask[] {
  if (state.status !== 'active') return [];
  const tasks: EpisodeTask[] = [];
  const { questionnaire: q, category } = state;
  if (state.phase === 'primary') {
    if (q.followUpRequested && !q.returnedOn && !category.decidedOn && q.returnDue) {
      tasks.push({ kind: 'questionnaireFollowUp', role: 'coordinator', dueAt: expiryOf(q.returnDue) });
    }
    if (category.opened && !category.decidedOn) {
      tasks.push({ kind: 'categoryDecision', role: 'advisingPhysician', dueAt: expiryOf(category.due) });
      if (category.escalated) tasks.push({ kind: 'categoryDecisionOverdue', role: 'supervisor', dueAt: expiryOf(category.due) });
    }
    for (const moment of state.contactMoments) {
      if (!moment.opened || moment.heldOn) continue;
      tasks.push({ kind: moment.window.kind, role: 'advisingPhysician', dueAt: expiryOf(moment.window) });
      if (moment.escalated) tasks.push({ kind: `${moment.window.kind}Overdue`, role: 'supervisor', dueAt: expiryOf(moment.window) });
    }
  }
  return tasks;
}

/** The earliest deadline still to be met in the current phase. */
export function nextDeadlineOf(state: EpisodeState): EpisodeDeadline | undefined {
  const pending: EpisodeDeadline[] = [];
  const { questionnaire: q, category } = state;
  if (state.status === 'active' && state.phase === 'primary') {
    if (!q.sentOn) pending.push(q.sendOn);
    else if (!q.returnedOn && q.returnDue) pending.push(q.returnDue);
    if (!category.decidedOn) pending.push(category.due);
    pending.push(...state.contactMoments.filter((m) => !m.heldOn).map((m) => m.window));
    pending.push(state.invalidityStartsOn);
  } else if (state.status === 'active' && state.renewal?.basis !== 'exception' && state.renewal) {
    pending.push(state.renewal.validity);
  }
  const at = (d: EpisodeDeadline) => Date.parse(d.expiresAt ?? d.firesAt);
  return pending.sort((a, b) => at(a) - at(b))[0];
}

import type {
  CategoryDecision,
  ContactMomentHeld,
  EpisodeEnd,
  EpisodeState,
  InvalidityRenewal,
  NonCooperation,
  QuestionnaireReturn,
  RelapseReport,
} from '@tnw/contracts';
import { assertIsoDate, createDeadlines, decideRelapse, type IsoDate, type Rulebook } from '@tnw/domain';
import { checkPastDay } from '../human-step-checks';

/**
 * Validators of the episode's human steps. Throwing rejects the update before it enters the
 * history: the caller gets the reason, the workflow is untouched. `now` is workflow time.
 */
export interface EpisodeContext {
  state: EpisodeState;
  incapacityStartDate: IsoDate;
  rules: Rulebook;
  now: Date;
}

function requireActive({ state }: EpisodeContext, what: string): void {
  if (state.status !== 'active') throw new Error(`${what} cannot be recorded while the episode is ${state.status}`);
}

function requirePhase({ state }: EpisodeContext, phase: EpisodeState['phase'], what: string): void {
  if (state.phase !== phase) throw new Error(`${what} belongs to the ${phase} phase; the episode is in ${state.phase}`);
}

/** A day that has happened, not before the episode (or `notBefore`). */
function requirePastDate(ctx: EpisodeContext, name: string, date: IsoDate, notBefore = { field: 'incapacity start', day: ctx.incapacityStartDate }): void {
  checkPastDay(name, date, ctx.now, notBefore);
}

export function refuseQuestionnaireReturn(ctx: EpisodeContext, step: QuestionnaireReturn): void {
  requireActive(ctx, 'a questionnaire return');
  requirePhase(ctx, 'primary', 'the questionnaire (D7)');
  const q = ctx.state.questionnaire;
  if (!q.sentOn) throw new Error(`the questionnaire has not been sent; it goes out on ${q.sendOn.dueDate}`);
  if (q.returnedOn) throw new Error(`the questionnaire was already returned on ${q.returnedOn}`);
  requirePastDate(ctx, 'returnedOn', step.returnedOn, { field: 'sending date', day: q.sentOn });
}

export function refuseCategoryDecision(ctx: EpisodeContext, step: CategoryDecision): void {
  if (step.actor.role !== 'advisingPhysician') {
    throw new Error(`only the advising physician classifies remaining capacity (D8), not a ${step.actor.role}`);
  }
  requireActive(ctx, 'a category decision');
  requirePhase(ctx, 'primary', 'the category decision (D8)');
  const { category } = ctx.state;
  if (category.decidedOn) throw new Error(`category ${category.category} was already decided on ${category.decidedOn}`);
  if (![1, 2, 3, 4].includes(step.category)) throw new Error(`category ${step.category} is not one of 1, 2, 3, 4 (D8)`);
  requirePastDate(ctx, 'decidedOn', step.decidedOn);
}

export function refuseContactMoment(ctx: EpisodeContext, step: ContactMomentHeld): void {
  requireActive(ctx, 'a contact moment');
  requirePhase(ctx, 'primary', 'the contact moments (D10)');
  const moments = ctx.state.contactMoments;
  const moment = moments.find((m) => m.month === step.month);
  if (!moment) throw new Error(`month ${step.month} is not a contact month (D10: ${moments.map((m) => m.month).join(', ') || 'none'})`);
  if (moment.heldOn) throw new Error(`the contact moment of month ${step.month} was already held on ${moment.heldOn}`);
  requirePastDate(ctx, 'heldOn', step.heldOn, { field: `opening of the month-${step.month} window`, day: moment.window.opensOn! });
}

export function refuseInvalidityRenewal(ctx: EpisodeContext, step: InvalidityRenewal): void {
  requireActive(ctx, 'a renewal');
  requirePhase(ctx, 'invalidity', 'the yearly renewal (D24)');
  const { renewal } = ctx.state;
  if (!renewal) throw new Error('the yearly renewal (D24) is not in force for this episode');
  if (renewal.basis === 'exception') throw new Error(`the episode is exempt from the yearly renewal (${renewal.exception})`);
  if (step.basis === 'exception') {
    requirePastDate(ctx, 'decidedOn', step.decidedOn);
    return;
  }
  requirePastDate(ctx, 'issuedOn', step.issuedOn, { field: 'start of invalidity', day: ctx.state.invalidityStartsOn.dueDate });
  const longest = certificateValidity(ctx, step.issuedOn);
  const validUntil = step.validUntil ?? longest;
  assertIsoDate(validUntil);
  if (validUntil > longest) throw new Error(`a certificate issued on ${step.issuedOn} is valid until ${longest} at the latest (D24)`);
  if (validUntil <= renewal.validity.dueDate) {
    throw new Error(`a certificate valid until ${validUntil} does not extend the recognition, valid until ${renewal.validity.dueDate}`);
  }
}

export function certificateValidity(ctx: Pick<EpisodeContext, 'rules'>, issuedOn: IsoDate): IsoDate {
  return createDeadlines(ctx.rules).invalidityRenewalCertificateValidUntil(issuedOn).date;
}

export function refuseNonCooperation(ctx: EpisodeContext, step: NonCooperation): void {
  requireActive(ctx, 'non-cooperation');
  requirePastDate(ctx, 'occurredOn', step.occurredOn);
}

export function refuseRelapse(ctx: EpisodeContext, step: RelapseReport): void {
  const { state } = ctx;
  if (state.status !== 'ended' || !state.endedOn) throw new Error(`only an ended episode can relapse; the episode is ${state.status}`);
  requirePastDate(ctx, 'newStart', step.newStart);
  const decision = decideRelapse({ episodeStart: ctx.incapacityStartDate, previousEnd: state.endedOn, newStart: step.newStart }, ctx.rules);
  if (!decision.sameEpisode) throw new Error(decision.explanation.text);
}

export function refuseEpisodeEnd(ctx: EpisodeContext, step: EpisodeEnd): void {
  requireActive(ctx, 'the end of the episode');
  const lastRelapse = ctx.state.relapses.at(-1)?.newStart;
  requirePastDate(ctx, 'lastDay', step.lastDay, lastRelapse ? { field: 'relapse', day: lastRelapse } : undefined);
}

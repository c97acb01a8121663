import { condition } from '@temporalio/workflow';
import { millisecondsUntil } from '../workflow-time';

/**
 * The reminder and escalation pattern: someone must act before a deadline. Before it, the one
 * who must act is reminded (once per instant in `remindAt`); when it expires, `onEscalate` runs
 * (typically a task in the supervisor's inbox). Each wait is a `condition` raced against a timer
 * with a summary, so the action cancels the pending timer and a reminder never goes out after the
 * action: a reminder fires only if `done()` is still false when its instant comes.
 *
 * `abandon()` ends the wait without the action (the episode ended, a new run takes over, ...).
 * Instants already past run at once, without a timer (`condition(fn, 0)` would wait forever
 * in workflows that predate the SDK's patch), so a new run resumes a wait where the last one left
 * it; the callbacks must therefore be idempotent (send each notice once, by key).
 */
export interface AwaitAction {
  /** True once the action happened. Re-evaluated whenever the workflow's state changes. */
  done: () => boolean;
  /** True when the wait no longer matters; it ends with outcome 'abandoned'. */
  abandon?: () => boolean;
  /** Instants (ISO 8601) to remind at, before `escalateAt`; later ones are ignored. */
  remindAt?: readonly string[];
  /** The deadline: when it passes without the action, `onEscalate` runs. */
  escalateAt: string;
  onRemind?: (at: string, index: number) => Promise<void>;
  onEscalate?: () => Promise<void>;
  /** After the escalation, keep waiting for the action (default) or return 'overdue' at once. */
  waitAfterEscalation?: boolean;
  /** Names the timers in the history and the Web UI, e.g. 'questionnaire return (questionnaire.returnWithin)'. */
  summary: string;
}

export type ActionOutcome =
  /** The action came before the deadline. */
  | 'inTime'
  /** The action came after the escalation (only when waiting after it). */
  | 'late'
  /** Escalated, and not waiting for the action (`waitAfterEscalation: false`). */
  | 'overdue'
  /** `abandon()` became true first. */
  | 'abandoned';

export interface ActionResult {
  outcome: ActionOutcome;
  /** How many reminders went out. */
  reminded: number;
  escalated: boolean;
}

export async function awaitActionWithReminder(action: AwaitAction): Promise<ActionResult> {
  const { done, abandon = () => false, escalateAt, summary } = action;
  const escalation = Date.parse(escalateAt);
  const reminders = [...(action.remindAt ?? [])].filter((at) => Date.parse(at) < escalation).sort((a, b) => Date.parse(a) - Date.parse(b));
  const settled = () => done() || abandon();
  const result = (outcome: ActionOutcome, reminded: number, escalated: boolean): ActionResult => ({
    outcome: outcome === 'inTime' && !done() ? 'abandoned' : outcome,
    reminded,
    escalated,
  });

  let reminded = 0;
  for (const [index, at] of reminders.entries()) {
    if (await settledBefore(settled, at, `${summary}: reminder ${index + 1}`)) return result('inTime', reminded, false);
    await action.onRemind?.(at, index);
    reminded++;
  }
  if (await settledBefore(settled, escalateAt, `${summary}: deadline`)) return result('inTime', reminded, false);
  await action.onEscalate?.();
  if (action.waitAfterEscalation === false) return result('overdue', reminded, true);
  await condition(settled);
  return { outcome: done() ? 'late' : 'abandoned', reminded, escalated: true };
}

/** Whether `settled` holds before `instant`; a past instant is checked now, without a timer. */
export async function settledBefore(settled: () => boolean, instant: string, summary: string): Promise<boolean> {
  const wait = millisecondsUntil(instant);
  if (settled()) return true;
  if (wait <= 0) return false;
  return condition(settled, wait, { summary });
}

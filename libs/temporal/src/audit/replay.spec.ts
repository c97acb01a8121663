import { verdictOf } from './replay';

const of = { subject: 'case:x', workflowId: 'trajectory-x', runId: 'r' };
const core = (message: string) =>
  `Replay failed with a nondeterminism error. This means that the workflow code as written is not compatible with the history that was fed in. Details: Workflow activation completion failed: Failure { failure: Some(Failure { message: "${message}", source: "", stack_trace: "" }), force_cause: NonDeterministicError }`;
const error = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('replay verdicts', () => {
  it('names the event Temporal names, with its own message', () => {
    const message = '[TMPRL1100] Nondeterminism error: No command scheduled for event HistoryEvent(id: 20, TimerStarted)';
    expect(verdictOf(of, error('DeterminismViolationError', core(message)))).toEqual({
      ...of,
      verdict: 'diverged',
      eventId: 20,
      eventType: 'TimerStarted',
      message,
    });
  });

  it('is still a divergence when Temporal names no event', () => {
    const message =
      "[TMPRL1100] Nondeterminism error: Activity type of scheduled event 'projectCase' does not match activity type of activity command 'sendInsuredLetter'";
    expect(verdictOf(of, error('DeterminismViolationError', core(message)))).toEqual({ ...of, verdict: 'diverged', message });
  });

  it('tells a replay that could not run from a divergence', () => {
    expect(
      verdictOf(
        of,
        error('ReplayError', 'Replay failed due workflow task failure. Details: payload under key k failed its integrity check'),
      ),
    ).toEqual({
      ...of,
      verdict: 'failed',
      message: 'Replay failed due workflow task failure. Details: payload under key k failed its integrity check',
    });
    expect(verdictOf(of, undefined)).toEqual({ ...of, verdict: 'deterministic' });
  });
});

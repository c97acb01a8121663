import type { RunningCluster } from '../../../scripts/cluster/cluster';
import type { Driver } from './driver';
import type { Random } from './random';

export interface Flags {
  seed: number;
  /** Cases of the worker-kill scenario (the issue asks for 1,000; the default fits a few minutes). */
  cases: number;
  partnerCases: number;
  restartCases: number;
  outageCases: number;
  concurrency: number;
  outageSeconds: number;
  /** Seconds between SIGKILLs of a worker: uniform in [killMin, killMax]. */
  killMin: number;
  killMax: number;
  /** How long the never-succeeding activity is watched before its attempts are counted. */
  hopelessSeconds: number;
  longSpikeMs: number;
  malformed: number;
  scenarios: string[];
  keep: boolean;
}

export interface Context {
  cluster: RunningCluster;
  driver: Driver;
  random: Random;
  flags: Flags;
  say(message: string): void;
}

export interface ScenarioResult {
  name: string;
  /** Each figure is one line of the report. */
  figures: string[];
  /** Expectations that did not hold. */
  failures: string[];
  /** Expectations the system does not meet by design today (what is missing, not a regression). */
  gaps: string[];
  seconds: number;
}

export interface Scenario {
  name: string;
  title: string;
  run(context: Context): Promise<Omit<ScenarioResult, 'name' | 'seconds'>>;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function setFaults(
  partnersUrl: string,
  faults: { failureRate: number; latencyMs: number },
  partner?: string,
): Promise<void> {
  const response = await fetch(`${partnersUrl}/_admin/faults${partner ? `/${partner}` : ''}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...faults, duplicateRate: 0 }),
  });
  if (!response.ok) throw new Error(`PUT faults: ${response.status} ${await response.text()}`);
}

/** No fault anywhere: the global setting and every partner's override. */
export async function clearFaults(partnersUrl: string): Promise<void> {
  await setFaults(partnersUrl, { failureRate: 0, latencyMs: 0 });
  for (const partner of ['mutuality', 'letters', 'riziv', 'employment-services', 'employer']) {
    await setFaults(partnersUrl, { failureRate: 0, latencyMs: 0 }, partner);
  }
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

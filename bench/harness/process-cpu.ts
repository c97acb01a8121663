import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds (user + system) per component: the load generator and every process it started. */
export type CpuSeconds = Record<string, number>;

const TICKS_PER_SECOND = 100; // Linux's USER_HZ, in which /proc reports CPU time

interface ProcessCpu {
  ppid: number;
  ticks: number;
  label: string;
}

/**
 * What this process and its descendants (servers, apps, PostgreSQL backends) have used so far,
 * read from /proc (Linux only; elsewhere empty). Two readings around a measurement show which
 * component the machine's cores went to.
 */
export function cpuSnapshot(): CpuSeconds {
  const all = new Map<number, ProcessCpu>();
  for (const entry of safeReaddir('/proc')) {
    const pid = Number(entry);
    const read = Number.isInteger(pid) ? readProcess(pid) : undefined;
    if (read) all.set(pid, read);
  }
  const snapshot: CpuSeconds = {};
  for (const [pid, { ticks, label }] of all) {
    if (!descendsFromUs(pid, all)) continue;
    const name = pid === process.pid ? 'load generator' : label;
    snapshot[name] = (snapshot[name] ?? 0) + ticks / TICKS_PER_SECOND;
  }
  return snapshot;
}

export function cpuSpent(before: CpuSeconds, after: CpuSeconds): CpuSeconds {
  const spent = Object.entries(after).map(
    ([name, seconds]) => [name, Math.round((seconds - (before[name] ?? 0)) * 100) / 100] as const,
  );
  return Object.fromEntries(spent.sort(([, a], [, b]) => b - a));
}

function descendsFromUs(pid: number, all: Map<number, ProcessCpu>): boolean {
  for (let current: number | undefined = pid; current && current > 1; current = all.get(current)?.ppid) {
    if (current === process.pid) return true;
  }
  return false;
}

function readProcess(pid: number): ProcessCpu | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After "pid (comm) ": state ppid ... utime (14th field) stime (15th).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    // The script: the first argument after node's own flags (--cpu-prof ...).
    const script = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      .split('\0')
      .slice(1)
      .find((arg) => arg.endsWith('.js'));
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), label: labelOf(command, script) };
  } catch {
    return undefined; // it exited while we read
  }
}

/**
 * `node <build>/apps/api/src/main.js` → "api", `node <build>/bench/bare-worker.js` → "bare-worker",
 * `node <build>/bench/stack/app-worker.js` (the application's worker with the benchmark's
 * settings) → "worker"; Temporal's Java test server → "test server"; else the command
 * ("temporal", "postgres").
 */
function labelOf(command: string, script: string | undefined): string {
  const app = script?.match(/apps\/([\w-]+)\/src\/main\.js$/)?.[1];
  if (app) return app;
  const bench = script?.match(/bench\/(?:stack\/)?([\w-]+)\.js$/)?.[1];
  if (bench) return bench === 'app-worker' ? 'worker' : bench;
  if (command === 'java' || command.startsWith('temporal-test')) return 'test server';
  return command;
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

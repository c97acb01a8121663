import { readFileSync } from 'node:fs';

/**
 * `node dist/bench/profile-summary.js <file.cpuprofile> [--top N]`: the hot spots of a V8 CPU
 * profile (from `node --cpu-prof`, or the benchmarks' BENCH_CPU_PROFILE), as two Markdown
 * tables: self time by area (our code by folder, each npm package, Node's internals, garbage
 * collection; inside the workflow sandbox, by module of the bundle given with `--bundle`) and
 * the top functions by self time.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Where each module of a webpack workflow bundle starts (`/***\/ "./node_modules/luxon/..."`), by line. */
export function bundleModules(bundle: string): Array<{ line: number; module: string }> {
  const modules: Array<{ line: number; module: string }> = [];
  bundle.split('\n').forEach((text, index) => {
    const module = /^\/\*\*\*\/ "([^"]+)"/.exec(text)?.[1];
    if (module) modules.push({ line: index, module });
  });
  return modules;
}

function moduleAt(modules: Array<{ line: number; module: string }>, line: number): string | undefined {
  let found: string | undefined;
  for (const m of modules) {
    if (m.line > line) break;
    found = m.module;
  }
  return found;
}

export function areaOf(
  url: string,
  functionName: string,
  lineNumber = 0,
  modules?: Array<{ line: number; module: string }>,
): string {
  if (!url) return functionName.startsWith('(') ? functionName : `native: ${functionName || '(anonymous)'}`;
  if (/workflow-bundle/.test(url)) {
    const module = modules && moduleAt(modules, lineNumber);
    if (!module) return 'workflow bundle (no --bundle given, or its runtime)';
    const inBundle =
      module.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? module.match(/\/(libs\/[\w-]+|workflows)\//)?.[1] ?? module;
    return `sandbox: ${inBundle}`;
  }
  const packageName = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
  if (packageName) return packageName;
  if (url.startsWith('node:')) return 'node internals';
  // The last such folder in the path: a build may itself sit under bench/ (bench/results/.build).
  const ours = url.match(/.*\/(apps\/[\w-]+|libs\/[\w-]+|workflows|bench|scripts)\//)?.[1];
  if (ours) return ours;
  return url.replace(/^file:\/\//, '');
}

export function summarise(profile: Profile, top: number, modules?: Array<{ line: number; module: string }>): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, micros] of selfMicros) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const area = areaOf(url, functionName, lineNumber, modules);
    areas.set(area, (areas.get(area) ?? 0) + micros);
    const where = url ? `${url.replace(/^.*\/(node_modules|apps|libs|workflows|bench)\//, '$1/')}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    functions.set(key, (functions.get(key) ?? 0) + micros);
  }
  const row = ([name, micros]: [string, number]) =>
    `| ${name} | ${Math.round(micros / 1000)} | ${((micros / total) * 100).toFixed(1)} |`;
  const sorted = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `profile: ${Math.round((profile.endTime - profile.startTime) / 1000)} ms, ${Math.round(total / 1000)} ms sampled`,
    '',
    '| area | self ms | % |',
    '|---|---|---|',
    ...sorted(areas).map(row),
    '',
    '| function | self ms | % |',
    '|---|---|---|',
    ...sorted(functions).map(row),
  ].join('\n');
}

if (require.main === module) {
  const [file, ...flags] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node dist/bench/profile-summary.js <file.cpuprofile> [--top N] [--bundle dist/workflow-bundle.js]');
    process.exit(2);
  }
  const flag = (name: string) => {
    const index = flags.indexOf(name);
    return index >= 0 ? flags[index + 1] : undefined;
  };
  const bundle = flag('--bundle');
  const modules = bundle ? bundleModules(readFileSync(bundle, 'utf8')) : undefined;
  console.log(summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(flag('--top') ?? 25), modules));
}

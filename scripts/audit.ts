import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, makeTelemetryFilterString, Runtime } from '@temporalio/worker';
import { AuditLog, CaseFileEntity, dataSourceOptions, EpisodeEntity } from '@tnw/persistence';
import { addDays, startOfDayInBrussels } from '@tnw/domain';
import {
  buildTimeline,
  collectHistories,
  formatTimeline,
  fromHistoryExport,
  productionDataConverter,
  replayCases,
  repoRoot,
  subjectKey,
  SubjectNotFoundError,
  temporalConnectionConfig,
  toHistoryExport,
  type AuditSubject,
  type ProductionDataConverter,
  type ReplayInput,
  type ReplayVerdict,
  type WorkflowRunHistory,
} from '@tnw/temporal';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Between, DataSource } from 'typeorm';
import { progressBar } from '../bench/harness/progress-bar';

const USAGE = `Auditors' tools (Temporal and PostgreSQL directly; the same environment as the apps):

  npm run audit -- export <caseId> [--episode] [--out file.json]
      The case's workflow histories (every run, then its training reviews) in Temporal's JSON
      format, payloads encrypted as stored. Default: to stdout.
  npm run audit -- timeline <caseId> [--episode] [--json]
      The readable timeline: human steps with actor, role, reason and audit-log entry; deadlines
      and decisions with rule, citation and explanation. Times in Europe/Brussels.
  npm run audit -- replay <caseId...> [--episode]
  npm run audit -- replay --all [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--episodes]
  npm run audit -- replay --file export.json [--file ...]
      Replays against the current workflow code (dist/workflow-bundle.js, the production data
      converter) with a progress bar and a verdict table. Exits 1 unless every case is deterministic.

Environment: TEMPORAL_ADDRESS (127.0.0.1:7233), TEMPORAL_NAMESPACE (default), DATABASE_URL
(npm start's embedded PostgreSQL on PG_PORT, 5433), TNW_MASTER_KEY (npm start's .data/master-key;
decrypts the payloads for the timeline and the replay).`;

interface Options {
  episode?: boolean;
  episodes?: boolean;
  out?: string;
  json?: boolean;
  all?: boolean;
  since?: string;
  until?: string;
  file?: string[];
  help?: boolean;
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      episode: { type: 'boolean' },
      episodes: { type: 'boolean' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      all: { type: 'boolean' },
      since: { type: 'string' },
      until: { type: 'string' },
      file: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const options = values as Options;
  const [command, ...ids] = positionals;
  if (options.help || !command) {
    console.log(USAGE);
    return command || options.help ? 0 : 2;
  }
  const kind: AuditSubject['kind'] = options.episode || options.episodes ? 'episode' : 'case';
  const stack = new Stack();
  try {
    return await run(stack, command, kind, ids, options);
  } finally {
    await stack.close();
  }
}

async function run(stack: Stack, command: string, kind: AuditSubject['kind'], ids: string[], options: Options): Promise<number> {
  switch (command) {
    case 'export': {
      const subject = onlySubject(kind, ids);
      const exported = toHistoryExport(subject, stack.namespace, await stack.runsOf(subject));
      const text = JSON.stringify(exported, null, 2) + '\n';
      if (options.out) {
        writeFileSync(options.out, text);
        console.error(`${exported.workflows.length} workflow run(s) of ${subject.kind} ${subject.id} written to ${options.out}`);
      } else process.stdout.write(text);
      return 0;
    }
    case 'timeline': {
      const subject = onlySubject(kind, ids);
      const timeline = await buildTimeline({
        subject,
        namespace: stack.namespace,
        runs: await stack.runsOf(subject),
        auditEntries: await new AuditLog(await stack.database()).forCase(subject.id),
        dataConverter: await stack.dataConverter(),
      });
      console.log(options.json ? JSON.stringify(timeline, null, 2) : formatTimeline(timeline));
      return 0;
    }
    case 'replay':
      return replay(stack, kind, ids, options);
    default:
      console.error(`unknown command ${command}\n\n${USAGE}`);
      return 2;
  }
}

async function replay(stack: Stack, kind: AuditSubject['kind'], ids: string[], options: Options): Promise<number> {
  // A divergence is a verdict here, not a warning: the Core's own log of it stays quiet.
  if (!Runtime._instance) {
    Runtime.install({
      logger: new DefaultLogger('ERROR'),
      telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'ERROR', other: 'ERROR' }) } },
    });
  }
  const files = options.file ?? [];
  const subjects = options.all ? await stack.registered(kind, options.since, options.until) : ids.map((id) => ({ kind, id }));
  const total = subjects.length + files.length;
  if (total === 0) throw new Error('nothing to replay: give case IDs, --all or --file');

  const rows = new Map<string, { verdicts: ReplayVerdict[]; expected: number; verdict?: string }>();
  const bar = progressBar('replay', total);
  const quietEvery = Math.max(1, Math.round(total / 10));
  let done = 0;
  const settle = (key: string, verdict: string) => {
    rows.get(key)!.verdict = verdict;
    bar.tick();
    if (!process.stderr.isTTY && (++done % quietEvery === 0 || done === total)) console.error(`replayed ${done}/${total}`);
  };

  async function* histories(): AsyncGenerator<ReplayInput> {
    for (const file of files) {
      const { subject, runs } = fromHistoryExport(JSON.parse(readFileSync(file, 'utf8')));
      const key = `${subjectKey(subject)} (${file})`;
      rows.set(key, { verdicts: [], expected: runs.length });
      for (const run of runs) yield { subject: key, ...run };
    }
    for (const subject of subjects) {
      const key = subjectKey(subject);
      rows.set(key, { verdicts: [], expected: 0 });
      let runs: WorkflowRunHistory[];
      try {
        runs = await collectHistories(await stack.client(), subject);
      } catch (error) {
        if (!(error instanceof SubjectNotFoundError)) throw error;
        settle(key, 'notFound');
        continue;
      }
      rows.get(key)!.expected = runs.length;
      for (const run of runs) yield { subject: key, ...run };
    }
  }

  for await (const verdict of replayCases(histories(), { dataConverter: await stack.dataConverter() })) {
    const row = rows.get(verdict.subject!)!;
    row.verdicts.push(verdict);
    if (row.verdicts.length < row.expected) continue;
    const verdicts = row.verdicts.map((v) => v.verdict);
    settle(
      verdict.subject!,
      verdicts.includes('diverged') ? 'diverged' : verdicts.includes('failed') ? 'failed' : 'deterministic',
    );
  }
  bar.done();

  printTable(rows);
  const counts = [...rows.values()].reduce<Record<string, number>>(
    (sum, row) => ({ ...sum, [row.verdict!]: (sum[row.verdict!] ?? 0) + 1 }),
    {},
  );
  console.log(
    `\n${Object.entries(counts)
      .map(([verdict, n]) => `${n} ${verdict}`)
      .join(', ')}`,
  );
  return Object.keys(counts).every((verdict) => verdict === 'deterministic') ? 0 : 1;
}

function printTable(rows: Map<string, { verdicts: ReplayVerdict[]; verdict?: string }>): void {
  const lines: string[][] = [['subject', 'verdict', 'runs', 'where', 'message']];
  for (const [key, row] of rows) {
    const problem = row.verdicts.find((v) => v.verdict === 'diverged') ?? row.verdicts.find((v) => v.verdict === 'failed');
    const where =
      problem?.verdict === 'diverged'
        ? `${problem.workflowId} event ${problem.eventId ?? '?'} ${problem.eventType ?? ''}`.trim()
        : problem
          ? problem.workflowId
          : '';
    const message = problem && 'message' in problem ? problem.message : '';
    lines.push([
      key,
      row.verdict ?? 'pending',
      String(row.verdicts.length),
      where,
      message.length > 120 ? `${message.slice(0, 117)}...` : message,
    ]);
  }
  const widths = lines[0].map((_, column) => Math.max(...lines.map((line) => line[column].length)));
  for (const line of lines)
    console.log(line.map((cell, column) => (column === line.length - 1 ? cell : cell.padEnd(widths[column]))).join('  '));
}

/** TNW_MASTER_KEY, or the one `npm start` keeps in .data/master-key (read, never made here). */
function masterKey(): string | undefined {
  if (process.env.TNW_MASTER_KEY) return process.env.TNW_MASTER_KEY;
  const file = join(repoRoot(), '.data', 'master-key');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

function onlySubject(kind: AuditSubject['kind'], ids: string[]): AuditSubject {
  if (ids.length !== 1) throw new Error(`give exactly one ${kind} ID`);
  return { kind, id: ids[0] };
}

/** Connections opened on first use and closed at the end. */
class Stack {
  readonly namespace = temporalConnectionConfig().namespace;
  private connection?: Connection;
  private temporal?: Client;
  private dataSource?: DataSource;
  private converter?: ProductionDataConverter;

  async client(): Promise<Client> {
    if (!this.temporal) {
      this.connection = await Connection.connect({ address: temporalConnectionConfig().address });
      this.temporal = new Client({ connection: this.connection, namespace: this.namespace });
    }
    return this.temporal;
  }

  async database(): Promise<DataSource> {
    if (!this.dataSource) {
      const url = process.env.DATABASE_URL ?? `postgres://tnw:tnw@127.0.0.1:${process.env.PG_PORT ?? 5433}/tnw`;
      this.dataSource = await new DataSource(dataSourceOptions(url)).initialize();
    }
    return this.dataSource;
  }

  /** The production data converter, with the keys from this database (TNW_MASTER_KEY unwraps them). */
  async dataConverter(): Promise<ProductionDataConverter> {
    this.converter ??= productionDataConverter({ dataSource: await this.database(), masterKey: masterKey() });
    return this.converter;
  }

  async runsOf(subject: AuditSubject): Promise<WorkflowRunHistory[]> {
    return collectHistories(await this.client(), subject);
  }

  /** Cases (or episodes) registered between two Brussels days, inclusive, oldest first. */
  async registered(kind: AuditSubject['kind'], since = '1970-01-01', until = '9999-12-30'): Promise<AuditSubject[]> {
    const repository = (await this.database()).getRepository<{ id: string; createdAt: Date }>(
      kind === 'case' ? CaseFileEntity : EpisodeEntity,
    );
    const rows = await repository.find({
      select: { id: true },
      where: {
        createdAt: Between(
          new Date(startOfDayInBrussels(since)),
          new Date(Date.parse(startOfDayInBrussels(addDays(until, 1))) - 1),
        ),
      },
      order: { createdAt: 'ASC' },
    });
    return rows.map(({ id }) => ({ kind, id }));
  }

  async close(): Promise<void> {
    await this.converter?.close();
    await this.dataSource?.destroy();
    await this.connection?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof SubjectNotFoundError ? error.message : error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

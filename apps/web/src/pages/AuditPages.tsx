import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Progress,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { apiFetch, ApiError, getJson, postJson } from '../api/client';
import type { ReplayJob, Verdict } from '../api/types';
import { useAuth } from '../auth/auth';
import { DateField } from '../components/DateField';
import { QueryState } from '../components/Status';
import { TimelineView } from '../components/TimelineView';
import { formatInstant, parseBelgianDay } from '../format';
import { PAGE_ROLES } from '../roles';
import { Section } from './CasePage';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERDICT_COLORS: Record<Verdict, string> = {
  pending: 'gray',
  deterministic: 'green',
  diverged: 'red',
  failed: 'orange',
  notFound: 'yellow',
};

function startReplay(body: unknown): Promise<{ id: string }> {
  return postJson<{ id: string }>('/audit/replays', body);
}

/** The auditor's start page: open a case's audit, replay a set of cases, the recent replays. */
export function AuditHomePage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const navigate = useNavigate();
  const [caseId, setCaseId] = useState('');
  const [caseIdError, setCaseIdError] = useState<string>();
  const mayReplay = auth.has(...PAGE_ROLES.replay);

  return (
    <Stack>
      <Title order={2}>{t('audit.title')}</Title>
      <Paper withBorder p="md">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!UUID.test(caseId.trim())) return setCaseIdError('UUID');
            navigate(`/audit/cases/${caseId.trim()}`);
          }}
        >
          <Group align="end">
            <TextInput
              label={t('audit.caseId')}
              value={caseId}
              onChange={(e) => setCaseId(e.currentTarget.value)}
              error={caseIdError}
              w={420}
              ff="monospace"
            />
            <Button type="submit">{t('audit.openCase')}</Button>
          </Group>
        </form>
      </Paper>
      {mayReplay && <ReplaySetForm />}
      {mayReplay && <RecentReplays />}
    </Stack>
  );
}

function ReplaySetForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [mode, setMode] = useState<'ids' | 'dates'>('ids');
  const [ids, setIds] = useState('');
  const [from, setFrom] = useState('');
  const [until, setUntil] = useState('');
  const [of, setOf] = useState<'cases' | 'episodes'>('cases');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    const problems: Record<string, string> = {};
    let body: Record<string, unknown>;
    if (mode === 'ids') {
      const caseIds = ids.split(/[\s,;]+/).filter(Boolean);
      if (!caseIds.length || caseIds.some((id) => !UUID.test(id))) problems.caseIds = 'UUID';
      body = { caseIds };
    } else {
      const startedFrom = parseBelgianDay(from);
      const startedUntil = until.trim() ? parseBelgianDay(until) : undefined;
      if (!startedFrom) problems.startedFrom = t('common.invalidDate');
      if (until.trim() && !startedUntil) problems.startedUntil = t('common.invalidDate');
      body = { startedFrom, ...(startedUntil ? { startedUntil } : {}), of };
    }
    setErrors(problems);
    if (Object.keys(problems).length) return;
    try {
      const job = await startReplay(body);
      navigate(`/audit/replays/${job.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.violations.length) {
        setErrors(Object.fromEntries(error.violations.map((v) => [v.field.split('.')[0], v.message])));
      }
      setFormError(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="replay-set">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={3} size="h5" id="replay-set">
            {t('audit.replaySet')}
          </Title>
          <SegmentedControl
            value={mode}
            onChange={(value) => setMode(value as 'ids' | 'dates')}
            data={[
              { value: 'ids', label: t('audit.caseIds') },
              { value: 'dates', label: `${t('audit.startedFrom')} – ${t('audit.startedUntil')}` },
            ]}
          />
          {mode === 'ids' ? (
            <Textarea
              id="replay-caseIds"
              label={t('audit.caseIds')}
              value={ids}
              onChange={(e) => setIds(e.currentTarget.value)}
              error={errors.caseIds}
              autosize
              minRows={3}
              ff="monospace"
            />
          ) : (
            <Group align="start" grow>
              <DateField
                id="startedFrom"
                label={t('audit.startedFrom')}
                value={from}
                onChange={setFrom}
                error={errors.startedFrom}
                required
              />
              <DateField
                id="startedUntil"
                label={t('audit.startedUntil')}
                value={until}
                onChange={setUntil}
                error={errors.startedUntil}
              />
              <NativeSelect
                label={t('audit.of')}
                value={of}
                onChange={(e) => setOf(e.currentTarget.value as 'cases' | 'episodes')}
                data={[
                  { value: 'cases', label: t('audit.ofCases') },
                  { value: 'episodes', label: t('audit.ofEpisodes') },
                ]}
              />
            </Group>
          )}
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <Group>
            <Button type="submit">{t('audit.startReplay')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function RecentReplays() {
  const { t } = useTranslation();
  const jobs = useQuery({ queryKey: ['replays'], queryFn: () => getJson<ReplayJob[]>('/audit/replays'), refetchInterval: 5000 });
  return (
    <Section title={t('audit.recentJobs')} id="recent">
      <QueryState loading={jobs.isLoading} error={jobs.error}>
        {jobs.data?.length === 0 && <Text size="sm">{t('audit.noJobs')}</Text>}
        {jobs.data && jobs.data.length > 0 && (
          <Table>
            <Table.Tbody>
              {jobs.data.map((job) => (
                <Table.Tr key={job.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/audit/replays/${job.id}`} ff="monospace" size="sm">
                      {job.id.slice(0, 8)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatInstant(job.requestedAt)}</Table.Td>
                  <Table.Td>{t(`audit.jobStatus.${job.status}`)}</Table.Td>
                  <Table.Td>{t('audit.progress', { done: job.progress.done, total: job.progress.total })}</Table.Td>
                  <Table.Td>
                    <Summary job={job} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Section>
  );
}

function Summary({ job }: { job: ReplayJob }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {(Object.entries(job.summary) as Array<[Verdict, number]>)
        .filter(([, count]) => count > 0)
        .map(([verdict, count]) => (
          <Badge key={verdict} color={VERDICT_COLORS[verdict]} variant="light">
            {t(`audit.verdict.${verdict}`)}: {count}
          </Badge>
        ))}
    </Group>
  );
}

/** A case seen by an auditor: its timeline, its raw history to download, and its replay. */
export function AuditCasePage() {
  const { caseId = '' } = useParams();
  const { t } = useTranslation();
  const auth = useAuth();
  const [jobId, setJobId] = useState<string>();
  const download = useMutation({
    mutationFn: async () => {
      const blob = await (await apiFetch(`/audit/cases/${caseId}/history`)).blob();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `case-${caseId}-history.json`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    onSuccess: () => notifications.show({ message: t('audit.downloaded'), color: 'green' }),
    onError: (error) => notifications.show({ message: error.message, color: 'red' }),
  });
  const replay = useMutation({
    mutationFn: () => startReplay({ caseIds: [caseId] }),
    onSuccess: (job) => setJobId(job.id),
    onError: (error) => notifications.show({ message: error.message, color: 'red' }),
  });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('audit.caseTitle', { id: caseId.slice(0, 8) })}</Title>
        <Anchor component={Link} to={`/cases/${caseId}`} size="sm">
          {t('common.case')} {caseId.slice(0, 8)}
        </Anchor>
      </Group>
      <Group>
        {auth.has(...PAGE_ROLES.historyExport) && (
          <Button variant="light" loading={download.isPending} onClick={() => download.mutate()}>
            {t('audit.downloadHistory')}
          </Button>
        )}
        {auth.has(...PAGE_ROLES.replay) && (
          <Button loading={replay.isPending} onClick={() => replay.mutate()}>
            {t('audit.replayCase')}
          </Button>
        )}
      </Group>
      {jobId && <ReplayJobView jobId={jobId} />}
      <Section title={t('audit.timeline')} id="timeline">
        <TimelineView kind="cases" id={caseId} />
      </Section>
    </Stack>
  );
}

export function ReplayJobPage() {
  const { jobId = '' } = useParams();
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t('audit.job', { id: jobId.slice(0, 8) })}</Title>
      <ReplayJobView jobId={jobId} />
    </Stack>
  );
}

/** A replay's progress, polled until it is done, and the verdict of each case. */
function ReplayJobView({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const job = useQuery({
    queryKey: ['replay', jobId],
    queryFn: () => getJson<ReplayJob>(`/audit/replays/${jobId}`),
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : 1000),
  });
  const data = job.data;
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby={`job-${jobId}`}
      data-testid="replay-job"
      data-status={data?.status}
    >
      <QueryState loading={job.isLoading} error={job.error}>
        {data && (
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={3} size="h5" id={`job-${jobId}`}>
                {t('audit.job', { id: jobId.slice(0, 8) })}: {t(`audit.jobStatus.${data.status}`)}
              </Title>
              <Summary job={data} />
            </Group>
            <Progress
              value={data.progress.total ? (100 * data.progress.done) / data.progress.total : 0}
              aria-label={t('audit.progress', { done: data.progress.done, total: data.progress.total })}
              animated={data.status === 'running'}
            />
            <Text size="sm" aria-live="polite">
              {t('audit.progress', { done: data.progress.done, total: data.progress.total })}
            </Text>
            {data.error && <Alert color="red">{data.error}</Alert>}
            {data.subjects && (
              <Table data-testid="verdicts">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('audit.subject')}</Table.Th>
                    <Table.Th scope="col">{t('common.status')}</Table.Th>
                    <Table.Th scope="col">{t('audit.problem')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.subjects.map((subject) => (
                    <Table.Tr key={`${subject.kind}-${subject.id}`} data-testid="verdict" data-verdict={subject.verdict}>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={subject.kind === 'case' ? `/audit/cases/${subject.id}` : `/incapacities/${subject.id}`}
                          ff="monospace"
                          size="sm"
                        >
                          {subject.id}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={VERDICT_COLORS[subject.verdict]}>{t(`audit.verdict.${subject.verdict}`)}</Badge>
                      </Table.Td>
                      <Table.Td>
                        {subject.problem
                          ? `${subject.problem.workflowId}${subject.problem.eventId ? ` @${subject.problem.eventId} ${subject.problem.eventType ?? ''}` : ''}: ${subject.problem.message ?? ''}`
                          : '–'}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}

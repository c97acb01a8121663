import { Alert, Anchor, Button, Grid, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { getJson } from '../api/client';
import type { CaseView, DeadlineView } from '../api/types';
import { useAuth } from '../auth/auth';
import { RuleInfo } from '../components/RuleInfo';
import { OverdueBadge, QueryState, StatusBadge } from '../components/Status';
import { StepRecorder } from '../components/StepRecorder';
import { TimelineView } from '../components/TimelineView';
import { formatDay, formatInstant } from '../format';
import { PAGE_ROLES } from '../roles';
import { CASE_STEPS } from '../steps';
import { kindLabel } from '../kinds';

const MOVING = ['verifyingMembership', 'confirmingInvalidity'];

/** One case: who (pseudonymous), where it stands, the next deadlines with their rules, the open tasks, the timeline, and the steps to record. */
export function CasePage() {
  const { caseId = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const auth = useAuth();
  const client = useQueryClient();
  const [changedAt, setChangedAt] = useState(0);
  // The workflow moves on by itself (membership checked, reviews started): look again often
  // while it does and just after a step, now and then otherwise.
  const found = useQuery({
    queryKey: ['case', caseId],
    queryFn: () => getJson<CaseView>(`/cases/${caseId}`),
    refetchInterval: (q) =>
      MOVING.includes(q.state.data?.live?.status ?? q.state.data?.status ?? '') || Date.now() - changedAt < 20_000
        ? 1000
        : 10_000,
  });
  const refresh = () => {
    setChangedAt(Date.now());
    void client.invalidateQueries({ queryKey: ['case', caseId] });
    void client.invalidateQueries({ queryKey: ['timeline', 'cases', caseId] });
    void client.invalidateQueries({ queryKey: ['tasks'] });
  };

  return (
    <QueryState loading={found.isLoading} error={found.error}>
      {found.data && (
        <Stack>
          <Group justify="space-between">
            <Title order={2}>{t('case.title', { id: caseId.slice(0, 8) })}</Title>
            <Group>
              <Button variant="default" size="compact-sm" onClick={refresh}>
                {t('app.refresh')}
              </Button>
              {auth.has(...PAGE_ROLES.audit) && (
                <Button component={Link} to={`/audit/cases/${caseId}`} variant="light" size="compact-sm">
                  {t('case.auditLink')}
                </Button>
              )}
            </Group>
          </Group>
          <Grid>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack>
                <Who view={found.data} />
                <WhereItStands view={found.data} />
                <Deadlines view={found.data} asOf={found.dataUpdatedAt} />
                <OpenTasks view={found.data} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <StepRecorder
                owner={`/cases/${caseId}`}
                steps={CASE_STEPS}
                live={found.data.live}
                initial={params.get('step')}
                onRecorded={refresh}
              />
            </Grid.Col>
          </Grid>
          <Section title={t('case.timeline')} id="timeline">
            <TimelineView kind="cases" id={caseId} />
          </Section>
        </Stack>
      )}
    </QueryState>
  );
}

export function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={3} id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

function Who({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  return (
    <Section title={t('case.who')} id="who">
      <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl" m={0}>
        <Fact label={t('common.case')}>
          <Text span ff="monospace" size="sm" data-testid="case-id">
            {view.caseId}
          </Text>
        </Fact>
        <Fact label={t('case.person')}>{t('common.pseudonymous')}</Fact>
        <Fact label={t('common.mutuality')}>{view.mutuality ?? '–'}</Fact>
        <Fact label={t('common.route')}>{t(`options.route.${view.route}`, { defaultValue: view.route })}</Fact>
        <Fact label={t('common.incapacityStartDate')}>{formatDay(view.incapacityStartDate)}</Fact>
        <Fact label={t('common.referralDate')}>{formatDay(view.referralDate)}</Fact>
      </SimpleGrid>
    </Section>
  );
}

function WhereItStands({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const live = view.live;
  return (
    <Section title={t('case.whereItStands')} id="stands">
      <Stack gap="xs">
        <Group>
          <StatusBadge status={live?.status ?? view.status} />
        </Group>
        {!live && <Alert color="yellow">{t('case.liveUnavailable')}</Alert>}
        {live && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" m={0}>
            {live.refusal && (
              <Fact label={t('case.refusal')}>
                {live.refusal.message} ({live.refusal.ruleId})
              </Fact>
            )}
            {live.firstContactDate && <Fact label={t('case.firstContactDate')}>{formatDay(live.firstContactDate)}</Fact>}
            {live.engagementSignedOn && <Fact label={t('case.engagementSignedOn')}>{formatDay(live.engagementSignedOn)}</Fact>}
            {live.presumptionUntil && <Fact label={t('case.presumptionUntil')}>{formatDay(live.presumptionUntil)}</Fact>}
            {live.training && (
              <Fact label={t('case.training')}>
                {live.training.title} ({formatDay(live.training.startsOn)} – {formatDay(live.training.endsOn)}):{' '}
                <span data-testid="training-status" data-status={live.training.status}>
                  {t(`options.trainingStatus.${live.training.status}`, { defaultValue: live.training.status })}
                </span>
              </Fact>
            )}
            {live.employmentReferral && (
              <Fact label={t('case.employmentReferral')}>
                {live.employmentReferral.service}: {live.employmentReferral.status}
              </Fact>
            )}
            {live.reintegration && (
              <Fact label={t('case.reintegration')}>
                {live.reintegration.status}
                {live.reintegration.decision ? ` (${live.reintegration.decision})` : ''}
              </Fact>
            )}
            {live.partialResumption && (
              <Fact label={t('case.partialResumption')}>
                {formatDay(live.partialResumption.resumesOn)}: {live.partialResumption.status}
              </Fact>
            )}
            {live.rtwFundVoucher && (
              <Fact label={t('case.rtwFundVoucher')}>
                {live.rtwFundVoucher.provider} ({formatDay(live.rtwFundVoucher.issuedOn)})
              </Fact>
            )}
            {live.outcome && (
              <Fact label={t('case.outcome')}>{t(`options.outcome.${live.outcome}`, { defaultValue: live.outcome })}</Fact>
            )}
            {live.endedOn && <Fact label={t('case.endedOn')}>{formatDay(live.endedOn)}</Fact>}
          </SimpleGrid>
        )}
      </Stack>
    </Section>
  );
}

/** Every pending deadline of the live state, each with the rule that set it and the workflow's explanation. */
function Deadlines({ view, asOf }: { view: CaseView; asOf: number }) {
  const { t } = useTranslation();
  const live = view.live;
  const deadlines: DeadlineView[] = [];
  const add = (deadline: DeadlineView | undefined) => {
    if (deadline && !deadlines.some((d) => d.kind === deadline.kind && d.dueDate === deadline.dueDate)) deadlines.push(deadline);
  };
  if (live) {
    add(live.nextDeadline);
    add(live.followUpDue);
    add(live.reintegration?.due);
    const resumption = live.partialResumption;
    if (resumption?.status === 'awaitingAuthorisation') {
      add({
        kind: 'partialResumptionAuthorisation',
        dueDate: resumption.resumesOn,
        expiresAt: '',
        ruleId: resumption.ruleId,
        explanation: resumption.explanation,
      });
    }
  } else if (view.nextDeadline) {
    add({ ...view.nextDeadline, explanation: '' });
  }
  deadlines.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return (
    <Section title={t('case.deadlines')} id="deadlines">
      {deadlines.length === 0 ? (
        <Text size="sm">{t('case.noDeadlines')}</Text>
      ) : (
        <Stack gap="sm" data-testid="deadlines">
          {deadlines.map((deadline) => (
            <Paper key={`${deadline.kind}-${deadline.dueDate}`} withBorder p="sm" data-testid="deadline">
              <Group gap="xs">
                <Text fw={500}>{kindLabel(t, deadline.kind)}</Text>
                <Text size="sm">
                  {t('common.dueDate')}: {formatDay(deadline.dueDate)}
                </Text>
                {(deadline.overdue || (deadline.expiresAt && Date.parse(deadline.expiresAt) < asOf)) && <OverdueBadge />}
              </Group>
              <RuleInfo ruleId={deadline.ruleId} on={deadline.dueDate} explanation={deadline.explanation} />
            </Paper>
          ))}
        </Stack>
      )}
    </Section>
  );
}

function OpenTasks({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const auth = useAuth();
  return (
    <Section title={t('case.openTasks')} id="tasks">
      {auth.has(...PAGE_ROLES.inbox) && view.openTasks.length > 0 && (
        <Anchor component={Link} to={`/inbox?ownerId=${view.caseId}`} size="sm">
          {t('case.inInbox')}
        </Anchor>
      )}
      {view.openTasks.length === 0 ? (
        <Text size="sm">{t('case.noTasks')}</Text>
      ) : (
        <Table data-testid="open-tasks">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('common.task')}</Table.Th>
              <Table.Th scope="col">{t('common.role')}</Table.Th>
              <Table.Th scope="col">{t('common.dueDate')}</Table.Th>
              <Table.Th scope="col">{t('common.assignee')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.openTasks.map((task) => (
              <Table.Tr key={task.id} data-kind={task.kind}>
                <Table.Td>{kindLabel(t, task.kind)}</Table.Td>
                <Table.Td>{t(`roles.${task.role}`, { defaultValue: task.role })}</Table.Td>
                <Table.Td>{task.dueAt ? formatInstant(task.dueAt) : '–'}</Table.Td>
                <Table.Td>{task.assignee ?? t('common.nobody')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {view.notifications.length > 0 && (
        <Stack gap={4} mt="sm">
          <Text fw={500} size="sm">
            {t('case.notifications')}
          </Text>
          {view.notifications.map((n, index) => (
            <Text size="sm" key={index}>
              {formatInstant(n.at)} · {t(`roles.${n.role}`, { defaultValue: n.role })} · {n.message}
            </Text>
          ))}
        </Stack>
      )}
    </Section>
  );
}

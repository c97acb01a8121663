import { Button, Grid, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { getJson } from '../api/client';
import type { EpisodeView } from '../api/types';
import { RuleInfo } from '../components/RuleInfo';
import { QueryState, StatusBadge } from '../components/Status';
import { StepRecorder } from '../components/StepRecorder';
import { TimelineView } from '../components/TimelineView';
import { formatDay, formatInstant } from '../format';
import { EPISODE_STEPS } from '../steps';
import { Section } from './CasePage';
import { kindLabel } from '../kinds';

/** One incapacity episode: where it stands, its next deadline with its rule, its tasks and notices, its steps and timeline. */
export function EpisodePage() {
  const { episodeId = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const client = useQueryClient();
  const [changedAt, setChangedAt] = useState(() => Date.now());
  // The read model follows the workflow a moment later: look often just after opening and after a step.
  const found = useQuery({
    queryKey: ['episode', episodeId],
    queryFn: () => getJson<EpisodeView>(`/incapacities/${episodeId}`),
    refetchInterval: () => (Date.now() - changedAt < 20_000 ? 1000 : 10_000),
  });
  const refresh = () => {
    setChangedAt(Date.now());
    void client.invalidateQueries({ queryKey: ['episode', episodeId] });
    void client.invalidateQueries({ queryKey: ['timeline', 'episodes', episodeId] });
    void client.invalidateQueries({ queryKey: ['tasks'] });
  };
  const view = found.data;
  return (
    <QueryState loading={found.isLoading} error={found.error}>
      {view && (
        <Stack>
          <Group justify="space-between">
            <Title order={2}>{t('episode.title', { id: episodeId.slice(0, 8) })}</Title>
            <Button variant="default" size="compact-sm" onClick={refresh}>
              {t('app.refresh')}
            </Button>
          </Group>
          <Grid>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack>
                <Section title={t('case.who')} id="who">
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    <Text size="sm" ff="monospace">
                      {view.episodeId}
                    </Text>
                    <Text size="sm">{t('common.pseudonymous')}</Text>
                    <Text size="sm">
                      {t('common.incapacityStartDate')}: {formatDay(view.incapacityStartDate)}
                    </Text>
                  </SimpleGrid>
                </Section>
                <Section title={t('case.whereItStands')} id="stands">
                  <Group>
                    <StatusBadge status={view.live?.status ?? view.status} />
                    <Text size="sm">
                      {t('episode.phase')}: {view.live?.phase ?? view.phase}
                    </Text>
                    {view.category !== null && (
                      <Text size="sm">
                        {t('episode.category')}: {t(`options.category.${view.category}`)}
                      </Text>
                    )}
                  </Group>
                </Section>
                <Section title={t('case.deadlines')} id="deadlines">
                  {view.nextDeadline ? (
                    <Stack gap={4} data-testid="deadline">
                      <Text fw={500}>
                        {kindLabel(t, view.nextDeadline.kind)}: {formatDay(view.nextDeadline.dueDate)}
                      </Text>
                      <RuleInfo
                        ruleId={view.nextDeadline.ruleId}
                        on={view.nextDeadline.dueDate}
                        explanation={view.live?.nextDeadline?.explanation}
                      />
                    </Stack>
                  ) : (
                    <Text size="sm">{t('case.noDeadlines')}</Text>
                  )}
                </Section>
                <Section title={t('case.openTasks')} id="tasks">
                  {view.openTasks.length === 0 ? (
                    <Text size="sm">{t('case.noTasks')}</Text>
                  ) : (
                    <Table>
                      <Table.Tbody>
                        {view.openTasks.map((task) => (
                          <Table.Tr key={task.id}>
                            <Table.Td>{kindLabel(t, task.kind)}</Table.Td>
                            <Table.Td>{t(`roles.${task.role}`, { defaultValue: task.role })}</Table.Td>
                            <Table.Td>{task.dueAt ? formatInstant(task.dueAt) : '–'}</Table.Td>
                            <Table.Td>{task.assignee ?? t('common.nobody')}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  )}
                  {view.taskNotices.length > 0 && (
                    <Stack gap={2} mt="sm">
                      <Text fw={500} size="sm">
                        {t('episode.notices')}
                      </Text>
                      {view.taskNotices.map((notice, index) => (
                        <Text size="sm" key={index}>
                          {formatInstant(notice.at)} · {kindLabel(t, notice.kind)} · {notice.stage} · {notice.ruleId}
                        </Text>
                      ))}
                    </Stack>
                  )}
                  {view.nonCooperation.length > 0 && (
                    <Stack gap={2} mt="sm">
                      <Text fw={500} size="sm">
                        {t('episode.nonCooperation')}
                      </Text>
                      {view.nonCooperation.map((entry, index) => (
                        <Text size="sm" key={index}>
                          {formatDay(entry.occurredOn)} · {t(`options.kind.${entry.kind}`, { defaultValue: entry.kind })}
                        </Text>
                      ))}
                    </Stack>
                  )}
                </Section>
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <StepRecorder
                owner={`/incapacities/${episodeId}`}
                steps={EPISODE_STEPS}
                live={null}
                initial={params.get('step')}
                onRecorded={refresh}
              />
            </Grid.Col>
          </Grid>
          <Section title={t('case.timeline')} id="timeline">
            <TimelineView kind="episodes" id={episodeId} />
          </Section>
        </Stack>
      )}
    </QueryState>
  );
}

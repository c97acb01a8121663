import { Alert, Badge, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, getJson } from '../api/client';
import type { Timeline } from '../api/types';
import { formatInstant } from '../format';
import { QueryState } from './Status';

const KIND_COLORS: Record<string, string> = {
  humanStep: 'blue',
  deadlineSet: 'grape',
  deadlinePassed: 'red',
  deadlineCleared: 'teal',
  partnerCall: 'gray',
  partnerEvent: 'cyan',
  workflowStarted: 'dark',
  workflowEnded: 'dark',
};

export function useTimeline(kind: 'cases' | 'episodes', id: string, enabled = true) {
  return useQuery({
    queryKey: ['timeline', kind, id],
    queryFn: () => getJson<Timeline>(`/audit/${kind}/${id}/timeline`),
    enabled,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

/** What happened, oldest first: each human step with actor, role and reason; each deadline and decision with its rule. */
export function TimelineView({ kind, id }: { kind: 'cases' | 'episodes'; id: string }) {
  const { t } = useTranslation();
  const timeline = useTimeline(kind, id);
  if (timeline.error instanceof ApiError && timeline.error.status === 403)
    return <Text c="dimmed">{t('case.timelineForbidden')}</Text>;
  return (
    <QueryState loading={timeline.isLoading} error={timeline.error}>
      {timeline.data && (
        <Stack gap="xs">
          {timeline.data.undecodablePayloads > 0 && (
            <Alert color="yellow">{t('audit.undecodable', { count: timeline.data.undecodablePayloads })}</Alert>
          )}
          {timeline.data.entries.length === 0 ? (
            <Text>{t('case.timelineEmpty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={800}>
              <Table striped data-testid="timeline">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('common.when')}</Table.Th>
                    <Table.Th scope="col">{t('common.what')}</Table.Th>
                    <Table.Th scope="col">{t('common.actor')}</Table.Th>
                    <Table.Th scope="col">{t('common.reason')}</Table.Th>
                    <Table.Th scope="col">{t('common.rule')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {timeline.data.entries.map((entry) => (
                    <Table.Tr
                      key={`${entry.workflowId}-${entry.runId}-${entry.eventId}-${entry.kind}`}
                      data-testid="timeline-entry"
                      data-kind={entry.kind}
                    >
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(entry.at)}</Table.Td>
                      <Table.Td>
                        <Stack gap={2}>
                          <Badge size="xs" variant="light" color={KIND_COLORS[entry.kind] ?? 'gray'}>
                            {t(`timelineKinds.${entry.kind}`, { defaultValue: entry.kind })}
                          </Badge>
                          <Text size="sm">{entry.what}</Text>
                          {entry.details && (
                            <Text size="xs" c="dimmed">
                              {Object.entries(entry.details)
                                .map(([key, value]) => `${key}: ${String(value)}`)
                                .join(' · ')}
                            </Text>
                          )}
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        {entry.actor ? (
                          <Text size="sm">
                            {entry.actor.id} ({t(`roles.${entry.actor.role}`, { defaultValue: entry.actor.role })})
                          </Text>
                        ) : (
                          '–'
                        )}
                        {entry.auditLog && (
                          <Text size="xs" c={entry.auditLog === 'missing' ? 'red' : 'dimmed'}>
                            {t('audit.auditLog')}: {entry.auditLog === 'missing' ? t('audit.missing') : entry.auditLog.action}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{entry.reason ?? '–'}</Table.Td>
                      <Table.Td>
                        {entry.rule ? (
                          <Stack gap={2}>
                            <Text size="sm" fw={500}>
                              {entry.rule.id}
                            </Text>
                            {entry.rule.explanation && <Text size="xs">{entry.rule.explanation}</Text>}
                            <Text size="xs" c="dimmed">
                              {entry.rule.citation.source}
                            </Text>
                          </Stack>
                        ) : (
                          '–'
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {timeline.data.unmatchedAuditEntries.length > 0 && (
            <Alert color="yellow" title={t('audit.unmatched')}>
              {timeline.data.unmatchedAuditEntries.map((entry) => (
                <Text size="sm" key={entry.entryId}>
                  {formatInstant(entry.at)} · {entry.actor.id} ({entry.actor.role}) · {entry.action}{' '}
                  {entry.reason ? `· ${entry.reason}` : ''}
                </Text>
              ))}
            </Alert>
          )}
        </Stack>
      )}
    </QueryState>
  );
}

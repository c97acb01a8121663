import {
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Pagination,
  Popover,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { getJson, postJson, query } from '../api/client';
import { ROLES, type InboxTask, type Paged } from '../api/types';
import { useAuth } from '../auth/auth';
import { OverdueBadge, QueryState } from '../components/Status';
import { formatInstant } from '../format';
import { PAGE_ROLES } from '../roles';
import { stepOfTask } from '../steps';
import { kindLabel } from '../kinds';

const PAGE_SIZE = 25;

/** The open tasks of the user's roles, overdue and earliest deadline first; claim, release, assign, and work on them. */
export function InboxPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') ?? 'role';
  const role = params.get('role') ?? '';
  const overdue = params.get('overdue') === 'true';
  const page = Number(params.get('page') ?? 1);
  const ownerId = params.get('ownerId') ?? '';
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const tasks = useQuery({
    queryKey: ['tasks', view, role, overdue, ownerId, page],
    queryFn: () => getJson<Paged<InboxTask>>(`/tasks${query({ view, role, overdue, ownerId, page, pageSize: PAGE_SIZE })}`),
    refetchInterval: 15_000,
  });
  const supervisor = auth.has('supervisor');
  const roleChoices = (supervisor ? ROLES : auth.me.roles).filter(
    (r) => (PAGE_ROLES.inbox as readonly string[]).includes(r) || supervisor,
  );

  return (
    <Stack>
      <Title order={2}>{t('inbox.title')}</Title>
      <Group align="end">
        <NativeSelect
          label={t('inbox.view')}
          value={view}
          onChange={(e) => update({ view: e.currentTarget.value })}
          data={[
            { value: 'role', label: t('inbox.viewRole') },
            { value: 'mine', label: t('inbox.viewMine') },
            { value: 'unassigned', label: t('inbox.viewUnassigned') },
          ]}
        />
        <NativeSelect
          label={t('inbox.roleFilter')}
          value={role}
          onChange={(e) => update({ role: e.currentTarget.value })}
          data={[{ value: '', label: t('inbox.allMyRoles') }, ...roleChoices.map((r) => ({ value: r, label: t(`roles.${r}`) }))]}
        />
        <Checkbox
          label={t('inbox.overdueOnly')}
          checked={overdue}
          onChange={(e) => update({ overdue: e.currentTarget.checked ? 'true' : undefined })}
        />
        {ownerId && (
          <Group gap="xs">
            <Text size="sm">{t('inbox.onlyOwner', { id: ownerId.slice(0, 8) })}</Text>
            <Button size="compact-sm" variant="subtle" onClick={() => update({ ownerId: undefined })}>
              {t('inbox.showAll')}
            </Button>
          </Group>
        )}
      </Group>
      <QueryState loading={tasks.isLoading} error={tasks.error}>
        {tasks.data && tasks.data.items.length === 0 && <Text>{t('inbox.empty')}</Text>}
        {tasks.data && tasks.data.items.length > 0 && (
          <>
            <Table striped highlightOnHover data-testid="inbox">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('common.task')}</Table.Th>
                  <Table.Th scope="col">{t('common.dueDate')}</Table.Th>
                  <Table.Th scope="col">{t('common.role')}</Table.Th>
                  <Table.Th scope="col">{t('common.case')}</Table.Th>
                  <Table.Th scope="col">{t('common.assignee')}</Table.Th>
                  <Table.Th scope="col">{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tasks.data.items.map((task) => (
                  <TaskRow key={task.id} task={task} />
                ))}
              </Table.Tbody>
            </Table>
            <Group justify="space-between">
              <Text size="sm">{t('common.total', { count: tasks.data.total })}</Text>
              <Pagination
                total={Math.max(1, Math.ceil(tasks.data.total / PAGE_SIZE))}
                value={page}
                onChange={(next) => update({ page: String(next) })}
                getControlProps={(control) => ({ 'aria-label': `${t('common.page')} ${control}` })}
              />
            </Group>
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function TaskRow({ task }: { task: InboxTask }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const client = useQueryClient();
  const kind = kindLabel(t, task.kind);
  const act = useMutation({
    mutationFn: ({ action, body }: { action: 'claim' | 'release' | 'assign'; body?: unknown }) =>
      postJson(`/tasks/${task.id}/${action}`, body ?? {}),
    onSuccess: (_result, { action }) => {
      notifications.show({
        message: `${t(`inbox.${action === 'claim' ? 'claimed' : action === 'release' ? 'released' : 'assigned'}`)}: ${kind}`,
        color: 'green',
      });
      void client.invalidateQueries({ queryKey: ['tasks'] });
      void client.invalidateQueries({ queryKey: ['case', task.ownerId] });
    },
    onError: (error) => notifications.show({ message: error.message, color: 'red' }),
  });
  const mine = task.assignee === auth.me.id;
  const supervisor = auth.has('supervisor');
  const step = stepOfTask(task.kind);
  const owner = task.source === 'case' ? `/cases/${task.ownerId}` : `/incapacities/${task.ownerId}`;
  const target = `${owner}${step ? `?step=${step}` : ''}`;
  return (
    <Table.Tr data-testid="task-row" data-kind={task.kind} data-overdue={task.overdue}>
      <Table.Td>
        <Text fw={500}>{kind}</Text>
      </Table.Td>
      <Table.Td>
        <Group gap="xs">
          <Text size="sm">{task.dueAt ? formatInstant(task.dueAt) : t('inbox.noDeadline')}</Text>
          {task.overdue && <OverdueBadge />}
        </Group>
      </Table.Td>
      <Table.Td>{t(`roles.${task.role}`, { defaultValue: task.role })}</Table.Td>
      <Table.Td>
        <Anchor component={Link} to={owner} size="sm" ff="monospace">
          {task.ownerId.slice(0, 8)}
        </Anchor>
        <Text size="xs" c="dimmed">
          {t(task.source === 'case' ? 'common.case' : 'common.episode')}
        </Text>
      </Table.Td>
      <Table.Td>{task.assignee ?? t('common.nobody')}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button component={Link} to={target} size="compact-sm" aria-label={`${t('inbox.work')}: ${kind}`}>
            {t('inbox.work')}
          </Button>
          {!task.assignee && auth.has(task.role as never) && (
            <Button
              size="compact-sm"
              variant="light"
              loading={act.isPending}
              onClick={() => act.mutate({ action: 'claim' })}
              aria-label={`${t('inbox.claim')}: ${kind}`}
            >
              {t('inbox.claim')}
            </Button>
          )}
          {task.assignee && (mine || supervisor) && (
            <Button
              size="compact-sm"
              variant="light"
              color="gray"
              loading={act.isPending}
              onClick={() => act.mutate({ action: 'release' })}
              aria-label={`${t('inbox.release')}: ${kind}`}
            >
              {t('inbox.release')}
            </Button>
          )}
          {supervisor && (
            <AssignButton kind={kind} onAssign={(assignee) => act.mutate({ action: 'assign', body: { assignee } })} />
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function AssignButton({ kind, onAssign }: { kind: string; onAssign: (assignee: string) => void }) {
  const { t } = useTranslation();
  const [assignee, setAssignee] = useState('');
  return (
    <Popover trapFocus position="bottom-end" withArrow>
      <Popover.Target>
        <Button size="compact-sm" variant="subtle" aria-label={`${t('inbox.assign')}: ${kind}`}>
          {t('inbox.assign')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (assignee.trim()) onAssign(assignee.trim());
          }}
        >
          <Group align="end">
            <TextInput
              label={t('inbox.assignTo')}
              value={assignee}
              onChange={(e) => setAssignee(e.currentTarget.value)}
              required
            />
            <Button type="submit">{t('inbox.assign')}</Button>
          </Group>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}

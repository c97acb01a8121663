import { Alert, Badge, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** A query's waiting and failing, said the same way on every page. */
export function QueryState({ loading, error, children }: { loading: boolean; error: unknown; children?: ReactNode }) {
  const { t } = useTranslation();
  if (error) {
    const forbidden = error instanceof ApiError && error.status === 403;
    const message = error instanceof Error ? error.message : String(error);
    return (
      <Alert color={forbidden ? 'yellow' : 'red'} role="alert">
        {forbidden ? t('app.forbidden', { message }) : t('app.error', { message })}
      </Alert>
    );
  }
  if (loading) {
    return (
      <Center p="lg">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  return <>{children}</>;
}

const STATUS_COLORS: Record<string, string> = {
  firstContactOverdue: 'red',
  active: 'green',
  completed: 'teal',
  refused: 'gray',
  notAMember: 'gray',
  stopped: 'gray',
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status] ?? 'blue'} variant="light" data-testid="case-status" data-status={status}>
      {t(`status.${status}`, { defaultValue: status })}
    </Badge>
  );
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="filled">
      {t('common.overdue')}
    </Badge>
  );
}

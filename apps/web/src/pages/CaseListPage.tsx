import { Button, Checkbox, Fieldset, Group, NativeSelect, Pagination, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError, getJson, postJson, query } from '../api/client';
import { EMPLOYMENT_SERVICES, TRAJECTORY_STATUSES, type CaseListItem, type Paged } from '../api/types';
import { CaseTable } from '../components/CaseTable';
import { DateField } from '../components/DateField';
import { QueryState } from '../components/Status';
import { formatDay, parseBelgianDay } from '../format';

const PAGE_SIZES = ['25', '50', '100', '200'];

/** The read model's cases, filtered and paged in the API (tens of thousands); the filters live in the URL. */
export function CaseListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = {
    status: params.get('status') ?? '',
    route: params.get('route') ?? '',
    mutuality: params.get('mutuality') ?? '',
    employmentService: params.get('employmentService') ?? '',
    overdue: params.get('overdue') === 'true',
    deadlineBefore: params.get('deadlineBefore') ?? '',
  };
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 50);
  const cases = useQuery({
    queryKey: ['cases', filters, page, pageSize],
    queryFn: () => getJson<Paged<CaseListItem>>(`/cases${query({ ...filters, page, pageSize })}`),
    placeholderData: (previous) => previous,
  });

  const [draft, setDraft] = useState(() => ({
    statuses: filters.status ? filters.status.split(',') : [],
    route: filters.route,
    mutuality: filters.mutuality,
    employmentService: filters.employmentService,
    overdue: filters.overdue,
    deadlineBefore: formatDay(filters.deadlineBefore),
  }));
  const [deadlineError, setDeadlineError] = useState<string>();

  function apply(event: FormEvent) {
    event.preventDefault();
    const deadlineBefore = draft.deadlineBefore.trim() ? parseBelgianDay(draft.deadlineBefore) : '';
    if (deadlineBefore === undefined) {
      setDeadlineError(t('common.invalidDate'));
      return;
    }
    setDeadlineError(undefined);
    const next = new URLSearchParams();
    const set = (key: string, value: string | boolean) => value && next.set(key, String(value));
    set('status', draft.statuses.join(','));
    set('route', draft.route);
    set('mutuality', draft.mutuality.trim());
    set('employmentService', draft.employmentService);
    set('overdue', draft.overdue);
    set('deadlineBefore', deadlineBefore);
    if (pageSize !== 50) next.set('pageSize', String(pageSize));
    setParams(next);
  }

  const goTo = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) next.set(key, value);
    setParams(next);
  };

  return (
    <Stack>
      <Title order={2}>{t('cases.title')}</Title>
      <NationalNumberSearch />
      <form onSubmit={apply} aria-label={t('cases.filters')}>
        <Fieldset legend={t('cases.filters')}>
          <Stack gap="sm">
            <Checkbox.Group
              label={t('cases.statusFilter')}
              value={draft.statuses}
              onChange={(statuses) => setDraft({ ...draft, statuses })}
            >
              <Group gap="sm" mt={4}>
                {TRAJECTORY_STATUSES.map((status) => (
                  <Checkbox key={status} value={status} label={t(`status.${status}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            <Group align="start" grow>
              <NativeSelect
                label={t('cases.routeFilter')}
                value={draft.route}
                onChange={(e) => setDraft({ ...draft, route: e.currentTarget.value })}
                data={[{ value: '', label: t('cases.any') }, 'A', 'B', 'C']}
              />
              <TextInput
                label={t('cases.mutualityFilter')}
                value={draft.mutuality}
                onChange={(e) => setDraft({ ...draft, mutuality: e.currentTarget.value })}
                inputMode="numeric"
                maxLength={3}
              />
              <NativeSelect
                label={t('cases.serviceFilter')}
                value={draft.employmentService}
                onChange={(e) => setDraft({ ...draft, employmentService: e.currentTarget.value })}
                data={[{ value: '', label: t('cases.any') }, ...EMPLOYMENT_SERVICES]}
              />
              <DateField
                id="deadlineBefore"
                label={t('cases.deadlineBefore')}
                value={draft.deadlineBefore}
                onChange={(deadlineBefore) => setDraft({ ...draft, deadlineBefore })}
                error={deadlineError}
              />
            </Group>
            <Group>
              <Checkbox
                label={t('cases.overdueOnly')}
                checked={draft.overdue}
                onChange={(e) => setDraft({ ...draft, overdue: e.currentTarget.checked })}
              />
              <Button type="submit">{t('cases.apply')}</Button>
              <Button
                variant="default"
                onClick={() => {
                  setDraft({ statuses: [], route: '', mutuality: '', employmentService: '', overdue: false, deadlineBefore: '' });
                  setParams(new URLSearchParams());
                }}
              >
                {t('cases.clear')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
      </form>
      <QueryState loading={cases.isLoading} error={cases.error}>
        {cases.data && cases.data.items.length === 0 && <Text>{t('cases.empty')}</Text>}
        {cases.data && cases.data.items.length > 0 && <CaseTable items={cases.data.items} testId="case-list" />}
        {cases.data && (
          <Group justify="space-between">
            <Text size="sm" data-testid="case-total">
              {t('common.total', { count: cases.data.total })}
            </Text>
            <Group>
              <NativeSelect
                aria-label={t('cases.pageSize')}
                value={String(pageSize)}
                data={PAGE_SIZES}
                onChange={(e) => goTo({ pageSize: e.currentTarget.value, page: '1' })}
              />
              <Pagination
                total={Math.max(1, Math.ceil(cases.data.total / pageSize))}
                value={page}
                onChange={(next) => goTo({ page: String(next) })}
                getControlProps={(control) => ({ 'aria-label': `${t('common.page')} ${control}` })}
              />
            </Group>
          </Group>
        )}
      </QueryState>
    </Stack>
  );
}

/** By national number: sent in a POST body, never in the URL, and not kept after leaving the page. */
function NationalNumberSearch() {
  const { t } = useTranslation();
  const [nationalNumber, setNationalNumber] = useState('');
  const [error, setError] = useState<string>();
  const [results, setResults] = useState<CaseListItem[]>();
  const [busy, setBusy] = useState(false);

  async function search(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      setResults((await postJson<{ items: CaseListItem[] }>('/cases/search', { nationalNumber })).items);
    } catch (failure) {
      setResults(undefined);
      setError(
        failure instanceof ApiError && failure.violations.length
          ? failure.violations.map((v) => v.message).join('; ')
          : String((failure as Error).message),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={search} aria-label={t('cases.searchTitle')}>
      <Fieldset legend={t('cases.searchTitle')}>
        <Group align="end">
          <TextInput
            label={t('cases.nationalNumber')}
            description={t('cases.nationalNumberHint')}
            value={nationalNumber}
            onChange={(e) => setNationalNumber(e.currentTarget.value)}
            error={error}
            autoComplete="off"
          />
          <Button type="submit" loading={busy}>
            {t('cases.search')}
          </Button>
        </Group>
        {results && (
          <Stack mt="sm" gap="xs">
            <Text fw={500}>{t('cases.searchResults')}</Text>
            {results.length ? <CaseTable items={results} testId="search-results" /> : <Text>{t('cases.noResults')}</Text>}
          </Stack>
        )}
      </Fieldset>
    </form>
  );
}

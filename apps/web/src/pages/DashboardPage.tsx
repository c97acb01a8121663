import { BarChart } from '@mantine/charts';
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson, postJson, query } from '../api/client';
import type { MonthlyReport, MutualityIndicators } from '../api/types';
import { useAuth } from '../auth/auth';
import { QueryState } from '../components/Status';
import { formatMonth, monthBefore, todayInBrussels } from '../format';
import { PAGE_ROLES } from '../roles';

const INDICATORS = ['firstContacts', 'firstContactsWithinDeadline', 'trajectoriesStarted', 'returnsToWork'] as const;
const COLORS = ['blue.6', 'teal.6', 'grape.6', 'orange.6'];

const sum = (rows: MutualityIndicators[]) =>
  Object.fromEntries(INDICATORS.map((key) => [key, rows.reduce((total, row) => total + row[key], 0)])) as Record<
    (typeof INDICATORS)[number],
    number
  >;

/** The funding indicators of the monthly report (D9) as charts: per month over all mutualities, and per mutuality in one month, with the figures as a table. */
export function DashboardPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const client = useQueryClient();
  const [span, setSpan] = useState('12');
  const current = todayInBrussels().slice(0, 7);
  const months = Array.from({ length: Number(span) }, (_, index) => monthBefore(current, Number(span) - 1 - index));
  const [month, setMonth] = useState(monthBefore(current, 1));
  const reports = useQueries({
    queries: months.map((m) => ({
      queryKey: ['report', m],
      queryFn: () => getJson<MonthlyReport>(`/reports/monthly${query({ month: m })}`),
    })),
  });
  const run = useMutation({
    mutationFn: (m: string) => postJson(`/reports/monthly/${m}/run`, {}),
    onSuccess: (_result, m) => {
      notifications.show({ message: t('dashboard.ran'), color: 'green' });
      void client.invalidateQueries({ queryKey: ['report', m] });
    },
    onError: (error) => notifications.show({ message: error.message, color: 'red' }),
  });

  const series = INDICATORS.map((name, index) => ({ name, label: t(`dashboard.${name}`), color: COLORS[index] }));
  const loaded = reports.map((report) => report.data).filter((report): report is MonthlyReport => Boolean(report));
  const perMonth = loaded.map((report) => ({ month: formatMonth(report.month), ...sum(report.mutualities) }));
  const selected = loaded.find((report) => report.month === month);
  const perMutuality = (selected?.mutualities ?? []).map((row) => ({ ...row }));
  const error = reports.find((report) => report.error)?.error;

  return (
    <Stack>
      <Title order={2}>{t('dashboard.title')}</Title>
      <Text size="sm">{t('dashboard.intro')}</Text>
      <Group align="end">
        <NativeSelect
          label={t('dashboard.months')}
          value={span}
          onChange={(e) => setSpan(e.currentTarget.value)}
          data={['3', '6', '12', '24']}
        />
        <NativeSelect
          id="dashboard-month"
          label={t('dashboard.month')}
          value={month}
          onChange={(e) => setMonth(e.currentTarget.value)}
          data={[...months].reverse().map((m) => ({ value: m, label: formatMonth(m) }))}
        />
        {auth.has(...PAGE_ROLES.runReport) && (
          <Button id="run-report" variant="light" loading={run.isPending} onClick={() => run.mutate(month)}>
            {t('dashboard.runNow', { month: formatMonth(month) })}
          </Button>
        )}
      </Group>
      <QueryState loading={reports.some((report) => report.isLoading)} error={error}>
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <Paper withBorder p="md" component="figure" m={0} aria-labelledby="per-month">
            <Title order={3} size="h5" id="per-month" mb="sm" component="figcaption">
              {t('dashboard.perMonth')}
            </Title>
            <BarChart
              h={280}
              data={perMonth}
              dataKey="month"
              series={series}
              withLegend
              aria-hidden="true"
              data-testid="chart-per-month"
            />
          </Paper>
          <Paper withBorder p="md" component="figure" m={0} aria-labelledby="per-mutuality">
            <Title order={3} size="h5" id="per-mutuality" mb="sm" component="figcaption">
              {t('dashboard.perMutuality', { month: formatMonth(month) })}
            </Title>
            {perMutuality.length ? (
              <BarChart
                h={280}
                data={perMutuality}
                dataKey="mutuality"
                series={series}
                withLegend
                aria-hidden="true"
                data-testid="chart-per-mutuality"
              />
            ) : (
              <Text size="sm">{t('dashboard.noData')}</Text>
            )}
          </Paper>
        </SimpleGrid>
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="sm">
            {t('dashboard.table')}
          </Title>
          <Table.ScrollContainer minWidth={700}>
            <Table
              striped
              data-testid="report-table"
              data-rows={loaded.reduce((count, report) => count + report.mutualities.length, 0)}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('dashboard.month')}</Table.Th>
                  <Table.Th scope="col">{t('common.mutuality')}</Table.Th>
                  {series.map((s) => (
                    <Table.Th scope="col" key={s.name} ta="right">
                      {s.label}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...loaded].reverse().flatMap((report) =>
                  report.mutualities.map((row) => (
                    <Table.Tr key={`${report.month}-${row.mutuality}`}>
                      <Table.Td>{formatMonth(report.month)}</Table.Td>
                      <Table.Td>{row.mutuality}</Table.Td>
                      {INDICATORS.map((key) => (
                        <Table.Td key={key} ta="right">
                          {row[key]}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  )),
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      </QueryState>
    </Stack>
  );
}

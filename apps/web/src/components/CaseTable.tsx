import { Anchor, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseListItem } from '../api/types';
import { formatDay } from '../format';
import { RuleLink } from './RuleInfo';
import { OverdueBadge, StatusBadge } from './Status';
import { kindLabel } from '../kinds';

export function CaseTable({ items, testId }: { items: CaseListItem[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped highlightOnHover data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('common.case')}</Table.Th>
            <Table.Th scope="col">{t('common.status')}</Table.Th>
            <Table.Th scope="col">{t('common.route')}</Table.Th>
            <Table.Th scope="col">{t('common.mutuality')}</Table.Th>
            <Table.Th scope="col">{t('common.employmentService')}</Table.Th>
            <Table.Th scope="col">{t('common.referralDate')}</Table.Th>
            <Table.Th scope="col">{t('common.nextDeadline')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.caseId} data-testid="case-row">
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/cases/${item.caseId}`}
                  ff="monospace"
                  size="sm"
                  aria-label={`${t('common.case')} ${item.caseId}`}
                >
                  {item.caseId.slice(0, 8)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={item.status} />
              </Table.Td>
              <Table.Td>{item.route}</Table.Td>
              <Table.Td>{item.mutuality ?? '–'}</Table.Td>
              <Table.Td>{item.employmentService ?? '–'}</Table.Td>
              <Table.Td>{formatDay(item.referralDate)}</Table.Td>
              <Table.Td>
                {item.nextDeadline ? (
                  <Group gap="xs">
                    <Text size="sm">
                      {kindLabel(t, item.nextDeadline.kind)}: {formatDay(item.nextDeadline.dueDate)}
                    </Text>
                    {item.overdue && <OverdueBadge />}
                    <RuleLink ruleId={item.nextDeadline.ruleId} on={item.nextDeadline.dueDate} />
                  </Group>
                ) : (
                  '–'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

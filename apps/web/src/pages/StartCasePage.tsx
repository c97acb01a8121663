import { Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { postJson } from '../api/client';
import { ApiForm, type FieldDef } from '../components/ApiForm';

/** apps/api/src/cases/case.dto.ts */
const START_CASE: readonly FieldDef[] = [
  { name: 'nationalNumber', kind: 'text', required: true },
  { name: 'route', kind: 'select', options: ['A', 'B', 'C'], required: true },
  { name: 'incapacityStartDate', kind: 'date', required: true },
  { name: 'referralDate', kind: 'date', required: true },
  { name: 'regime', kind: 'select', options: ['employee', 'selfEmployed'], required: true },
  { name: 'contract', kind: 'select', options: ['underContract', 'noContract', 'endedForMedicalForceMajeure'], required: true },
  { name: 'exclusion', kind: 'select', options: ['workAccident', 'occupationalDisease', 'statutoryCivilServant'] },
  { name: 'postalCode', kind: 'text', required: true, maxLength: 4 },
  { name: 'language', kind: 'select', options: ['nl', 'fr', 'de'], required: true },
];

export function StartCasePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Stack maw={640}>
      <Title order={2}>{t('startCase.title')}</Title>
      <Text size="sm">{t('startCase.intro')}</Text>
      <Paper withBorder p="md">
        <ApiForm
          id="startCase"
          fields={START_CASE}
          submitLabel={t('startCase.submit')}
          onSubmit={(body) => postJson<{ caseId: string }>('/cases', body)}
          onSuccess={(result) => {
            notifications.show({ message: t('startCase.started'), color: 'green' });
            navigate(`/cases/${(result as { caseId: string }).caseId}`);
          }}
        />
      </Paper>
    </Stack>
  );
}

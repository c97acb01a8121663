import { Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { postJson } from '../api/client';
import { ApiForm, type FieldDef } from '../components/ApiForm';

/** apps/api/src/episodes/incapacity.dto.ts */
const REPORT_INCAPACITY: readonly FieldDef[] = [
  { name: 'nationalNumber', kind: 'text', required: true },
  { name: 'incapacityStartDate', kind: 'date', required: true },
  { name: 'regime', kind: 'select', options: ['employee', 'selfEmployed'], required: true },
  { name: 'contract', kind: 'select', options: ['underContract', 'noContract', 'endedForMedicalForceMajeure'], required: true },
  { name: 'postalCode', kind: 'text', required: true, maxLength: 4 },
  { name: 'language', kind: 'select', options: ['nl', 'fr', 'de'], required: true },
];

export function ReportIncapacityPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Stack maw={640}>
      <Title order={2}>{t('reportIncapacity.title')}</Title>
      <Text size="sm">{t('reportIncapacity.intro')}</Text>
      <Paper withBorder p="md">
        <ApiForm
          id="reportIncapacity"
          fields={REPORT_INCAPACITY}
          submitLabel={t('reportIncapacity.submit')}
          onSubmit={(body) => postJson<{ episodeId: string }>('/incapacities', body)}
          onSuccess={(result) => {
            notifications.show({ message: t('reportIncapacity.reported'), color: 'green' });
            navigate(`/incapacities/${(result as { episodeId: string }).episodeId}`);
          }}
        />
      </Paper>
    </Stack>
  );
}

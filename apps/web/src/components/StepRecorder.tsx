import { NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { postJson } from '../api/client';
import type { LiveState } from '../api/types';
import { useAuth } from '../auth/auth';
import type { StepDef } from '../steps';
import { ApiForm } from './ApiForm';

interface StepRecorderProps {
  /** `/cases/<id>` or `/incapacities/<id>` */
  owner: string;
  steps: readonly StepDef[];
  live: LiveState | null;
  /** The step to open first (from the inbox: the task's step). */
  initial?: string | null;
  onRecorded: () => void;
}

/** The forms of the steps the user's roles may take here: the ones that apply now first, the others after them. */
export function StepRecorder({ owner, steps, live, initial, onRecorded }: StepRecorderProps) {
  const { t } = useTranslation();
  const auth = useAuth();
  const mine = steps.filter((step) => auth.has(...step.roles));
  const applying = mine.filter((step) => !live || step.applies(live));
  const others = mine.filter((step) => live && !step.applies(live));
  // Until the user picks a step, the first one that applies (it follows the case as it moves on).
  const [picked, setPicked] = useState<string | null>(() => (initial && mine.some((s) => s.id === initial) ? initial : null));
  const chosen = picked ?? applying[0]?.id ?? '';
  const step = mine.find((candidate) => candidate.id === chosen);

  if (mine.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="record-step">
      <Stack>
        <Title order={3} id="record-step">
          {t('case.recordStep')}
        </Title>
        {applying.length === 0 && <Text size="sm">{t('case.noSteps')}</Text>}
        <NativeSelect
          id="step-select"
          label={t('case.chooseStep')}
          value={chosen}
          onChange={(e) => setPicked(e.currentTarget.value)}
          data={[
            { value: '', label: t('common.choose') },
            ...(applying.length
              ? [{ group: t('case.stepsNow'), items: applying.map((s) => ({ value: s.id, label: t(`steps.${s.id}`) })) }]
              : []),
            ...(others.length
              ? [{ group: t('case.stepsOther'), items: others.map((s) => ({ value: s.id, label: t(`steps.${s.id}`) })) }]
              : []),
          ]}
        />
        {step && (
          <ApiForm
            key={step.id}
            id={step.id}
            fields={step.fields}
            draftKey={`tnw-draft:${owner}:${step.id}`}
            submitLabel={t('steps.' + step.id)}
            onSubmit={(body) => postJson(`${owner}/${step.path}`, body)}
            onSuccess={() => {
              notifications.show({ message: t('case.recorded', { step: t(`steps.${step.id}`) }), color: 'green' });
              setPicked(null);
              onRecorded();
            }}
          />
        )}
      </Stack>
    </Paper>
  );
}

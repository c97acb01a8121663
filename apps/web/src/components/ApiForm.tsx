import { Alert, Button, Group, NativeSelect, NumberInput, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { parseBelgianDay } from '../format';
import { DateField } from './DateField';

export type FieldDef = {
  name: string;
  required?: boolean;
  /** Shown only when this holds of the values typed so far. */
  showIf?: (values: Record<string, string>) => boolean;
} & (
  | { kind: 'date' }
  | { kind: 'text'; maxLength?: number }
  | { kind: 'textarea'; maxLength?: number }
  | { kind: 'select'; options: readonly string[]; numeric?: boolean }
  | { kind: 'boolean' }
  | { kind: 'number'; min?: number; max?: number }
);

/** The reason every human step may carry (the audit log keeps it). */
export const REASON: FieldDef = { name: 'reason', kind: 'textarea', maxLength: 500 };

interface ApiFormProps {
  /** Unique per form on a page: prefixes the inputs' IDs. */
  id: string;
  fields: readonly FieldDef[];
  submitLabel: string;
  onSubmit: (body: Record<string, unknown>) => Promise<unknown>;
  onSuccess?: (result: unknown) => void;
  /** Where the draft is kept in this tab (sessionStorage) until it is recorded. */
  draftKey?: string;
}

interface Problems {
  fields: Record<string, string>;
  form?: string;
}

function readDraft(key: string | undefined): Record<string, string> {
  if (!key) return {};
  try {
    return JSON.parse(window.sessionStorage.getItem(key) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

/**
 * A form that the API validates: each violation (400) shown beside its field, the workflow's
 * refusal (409) beside the field it names or above the button, the rule of a refusal (422).
 * What was typed stays as it was until the API accepts it.
 */
export function ApiForm({ id, fields, submitLabel, onSubmit, onSuccess, draftKey }: ApiFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, string>>(() => readDraft(draftKey));
  const [problems, setProblems] = useState<Problems>({ fields: {} });
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (draftKey) window.sessionStorage.setItem(draftKey, JSON.stringify(values));
  }, [draftKey, values]);

  const visible = fields.filter((field) => !field.showIf || field.showIf(values));
  const set = (name: string) => (value: string) => setValues((current) => ({ ...current, [name]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local: Record<string, string> = {};
    const body: Record<string, unknown> = {};
    for (const field of visible) {
      const raw = (values[field.name] ?? '').trim();
      if (!raw) {
        if (field.required) local[field.name] = t('common.required');
        continue;
      }
      if (field.kind === 'date') {
        const day = parseBelgianDay(raw);
        if (day) body[field.name] = day;
        else local[field.name] = t('common.invalidDate');
      } else if (field.kind === 'boolean') body[field.name] = raw === 'true';
      else if (field.kind === 'number' || (field.kind === 'select' && field.numeric)) body[field.name] = Number(raw);
      else body[field.name] = raw;
    }
    if (Object.keys(local).length) {
      setProblems({ fields: local, form: t('forms.invalid') });
      return;
    }
    setBusy(true);
    setProblems({ fields: {} });
    try {
      const result = await onSubmit(body);
      setValues({});
      if (draftKey) window.sessionStorage.removeItem(draftKey);
      onSuccess?.(result);
    } catch (error) {
      setProblems(
        explain(
          error,
          visible.map((field) => field.name),
          t,
        ),
      );
    } finally {
      setBusy(false);
    }
  }

  const errorId = `${id}-error`;
  return (
    <form onSubmit={submit} noValidate aria-describedby={problems.form ? errorId : undefined} data-testid={`form-${id}`}>
      <Stack gap="sm">
        {visible.map((field) => (
          <Field
            key={field.name}
            formId={id}
            field={field}
            value={values[field.name] ?? ''}
            onChange={set(field.name)}
            error={problems.fields[field.name]}
          />
        ))}
        {problems.form && (
          <Alert color="red" id={errorId} role="alert" title={problems.form}>
            <Text size="sm">{t('forms.kept')}</Text>
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type T = (key: string, options?: Record<string, unknown>) => string;

function explain(error: unknown, names: string[], t: T): Problems {
  if (!(error instanceof ApiError))
    return { fields: {}, form: t('forms.refused', { message: error instanceof Error ? error.message : String(error) }) };
  const fields: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const violation of error.violations) {
    if (names.includes(violation.field))
      fields[violation.field] = fields[violation.field] ? `${fields[violation.field]}; ${violation.message}` : violation.message;
    else elsewhere.push(violation.message);
  }
  if (error.violations.length)
    return { fields, form: elsewhere.length ? t('forms.refused', { message: elsewhere.join('; ') }) : t('forms.invalid') };
  if (error.status === 422 && error.ruleId)
    return { fields, form: t('forms.notEligible', { ruleId: error.ruleId, message: error.message }) };
  if (error.status === 403) return { fields, form: t('forms.forbidden', { message: error.message }) };
  // The workflow's reasons name the field first ("heldOn 2026-12-01 is in the future").
  const named = names.find((name) => error.message.startsWith(`${name} `));
  if (named) return { fields: { [named]: error.message }, form: t('forms.refused', { message: error.message }) };
  return { fields, form: t('forms.refused', { message: error.message }) };
}

function Field({
  formId,
  field,
  value,
  onChange,
  error,
}: {
  formId: string;
  field: FieldDef;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const id = `${formId}-${field.name}`;
  const label = t(`fields.${field.name}`);
  const common = { id, label, error, required: field.required };
  switch (field.kind) {
    case 'date':
      return <DateField {...common} value={value} onChange={onChange} />;
    case 'text':
      return (
        <TextInput
          {...common}
          name={field.name}
          value={value}
          maxLength={field.maxLength}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'textarea':
      return (
        <Textarea
          {...common}
          name={field.name}
          value={value}
          maxLength={field.maxLength}
          autosize
          minRows={2}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          name={field.name}
          value={value}
          min={field.min}
          max={field.max}
          allowDecimal={false}
          onChange={(v) => onChange(String(v))}
        />
      );
    case 'select':
      return (
        <NativeSelect
          {...common}
          name={field.name}
          value={value}
          data={[
            { value: '', label: t('common.choose') },
            ...field.options.map((option) => ({
              value: option,
              label: t(`options.${field.name}.${option}`, { defaultValue: option }),
            })),
          ]}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'boolean':
      return (
        <Radio.Group {...common} name={id} value={value} onChange={onChange}>
          <Group mt={4}>
            <Radio value="true" label={t('common.yes')} id={`${id}-yes`} />
            <Radio value="false" label={t('common.no')} id={`${id}-no`} />
          </Group>
        </Radio.Group>
      );
  }
}

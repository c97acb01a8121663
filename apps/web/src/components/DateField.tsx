import { ActionIcon, Popover, TextInput } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { formatDay, parseBelgianDay } from '../format';

interface DateFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  error?: string;
  required?: boolean;
}

/**
 * A calendar day typed as dd/mm/yyyy (kept exactly as typed, so nothing is lost when the API
 * refuses it), with a calendar to pick from. The form turns it into YYYY-MM-DD for the API.
 */
export function DateField({ id, label, value, onChange, error, required }: DateFieldProps) {
  const { t } = useTranslation();
  const [opened, { close, toggle }] = useDisclosure(false);
  const iso = parseBelgianDay(value) ?? null;
  return (
    <TextInput
      id={id}
      name={id}
      label={label}
      description={t('common.dateHint')}
      placeholder={t('common.dateHint')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      required={required}
      autoComplete="off"
      inputMode="numeric"
      rightSection={
        <Popover opened={opened} onChange={(open) => !open && close()} position="bottom-end" trapFocus returnFocus>
          <Popover.Target>
            <ActionIcon variant="subtle" onClick={toggle} aria-label={`${t('common.openCalendar')}: ${label}`}>
              <CalendarIcon />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown>
            <DatePicker
              value={iso}
              defaultDate={iso ?? undefined}
              onChange={(picked) => {
                if (picked) onChange(formatDay(String(picked)));
                close();
              }}
            />
          </Popover.Dropdown>
        </Popover>
      }
    />
  );
}

function CalendarIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M16 3v4M8 3v4M3 11h18" />
    </svg>
  );
}

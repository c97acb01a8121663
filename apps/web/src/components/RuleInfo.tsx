import { Anchor, Popover, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getJson } from '../api/client';
import type { RuleDescription } from '../api/types';
import { formatDay } from '../format';

export function useRules() {
  return useQuery({ queryKey: ['rules'], queryFn: () => getJson<RuleDescription[]>('/rules'), staleTime: 60 * 60_000 });
}

/** The version of a rule in force on a day. */
export function versionOn(rule: RuleDescription | undefined, day: string | undefined) {
  if (!rule) return undefined;
  const on = day ?? new Date().toISOString().slice(0, 10);
  return rule.versions.find((v) => v.from <= on && (!v.to || on <= v.to)) ?? rule.versions[rule.versions.length - 1];
}

/**
 * The rule that set a deadline: its ID, what it governs and its legal source (in the version in
 * force on the day), from the rulebook the workflows apply (GET /rules).
 */
export function RuleInfo({ ruleId, on, explanation }: { ruleId: string; on?: string; explanation?: string }) {
  const { t } = useTranslation();
  const rules = useRules();
  const rule = rules.data?.find((candidate) => candidate.ruleId === ruleId);
  const version = versionOn(rule, on);
  return (
    <Stack gap={2} data-testid="rule-info">
      {explanation && <Text size="sm">{explanation}</Text>}
      <Text size="xs" c="dimmed">
        {t('rules.setBy', { ruleId })}
        {rule ? `: ${rule.governs}` : ''}
      </Text>
      {version && (
        <Text size="xs" c="dimmed">
          {t('rules.citation', { source: version.citation.source, domainRule: version.citation.domainRule })} ·{' '}
          {version.to
            ? t('rules.inForceUntil', { from: formatDay(version.from), to: formatDay(version.to) })
            : t('rules.inForce', { from: formatDay(version.from) })}
        </Text>
      )}
    </Stack>
  );
}

/** A compact rule ID that opens the same explanation, for tables. */
export function RuleLink({ ruleId, on }: { ruleId: string; on?: string }) {
  return (
    <Popover width={360} position="bottom-start" withArrow shadow="md">
      <Popover.Target>
        <Anchor component="button" type="button" size="sm">
          {ruleId}
        </Anchor>
      </Popover.Target>
      <Popover.Dropdown>
        <RuleInfo ruleId={ruleId} on={on} />
      </Popover.Dropdown>
    </Popover>
  );
}

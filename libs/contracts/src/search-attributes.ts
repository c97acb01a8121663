import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Typed search attributes of the case workflows, upserted on every state change so that the
 * Temporal Web UI and `temporal workflow list --query` can find cases. None holds personal data.
 */
export const SEARCH_ATTRIBUTES = {
  status: defineSearchAttributeKey('TnwStatus', SearchAttributeType.KEYWORD),
  route: defineSearchAttributeKey('TnwRoute', SearchAttributeType.KEYWORD),
  mutuality: defineSearchAttributeKey('TnwMutuality', SearchAttributeType.KEYWORD),
  employmentService: defineSearchAttributeKey('TnwEmploymentService', SearchAttributeType.KEYWORD),
  nextDeadline: defineSearchAttributeKey('TnwNextDeadline', SearchAttributeType.DATETIME),
} as const;

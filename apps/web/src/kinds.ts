/** A task's or a deadline's kind in the user's language; contact moments carry their month (`contactMoment-4`). */
export function kindLabel(t: (key: string, options?: Record<string, unknown>) => string, kind: string): string {
  const contact = /^contactMoment-(\d+)(Overdue)?$/.exec(kind);
  if (contact) return t(contact[2] ? 'kinds.contactMomentOverdue' : 'kinds.contactMoment', { month: contact[1] });
  return t(`kinds.${kind}`, { defaultValue: kind });
}

/** A task's or a deadline's kind in the user's language; contact moments carry their month (`contactMoment-4`). */
export function kindLabel(t: (key: string, options?: Record<string, unknown>) => string, kind: string): string {
  const contact = /^contactMoment-(\d+)(Overdue)?$/.exec(kind);
  if (contact) return t(contact[2] ? 'kinds.contactMomentOverdue' : 'kinds.contactMoment', { month: contact[1] });
  const partner = /^(review)?[pP]artnerUnreachable-(\w+)$/.exec(kind);
  if (partner) {
    const name = t(`options.partner.${partner[2]}`, { defaultValue: partner[2] });
    return t(partner[1] ? 'kinds.reviewPartnerUnreachable' : 'kinds.partnerUnreachable', { partner: name });
  }
  return t(`kinds.${kind}`, { defaultValue: kind });
}

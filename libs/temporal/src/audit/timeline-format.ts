import type { Timeline } from './timeline-model';

/** The timeline as plain text, one entry per block, for the command line. */
export function formatTimeline(timeline: Timeline): string {
  const lines = [`Timeline of ${timeline.subject.kind} ${timeline.subject.id} (times in ${timeline.timeZone})`, ''];
  for (const entry of timeline.entries) {
    lines.push(`${entry.at.replace('T', ' ').replace(/\.\d{3}/, '')}  ${entry.what}`);
    if (entry.actor)
      lines.push(`    by ${entry.actor.id} as ${entry.actor.role}${entry.reason ? `, reason: "${entry.reason}"` : ''}`);
    if (entry.details)
      lines.push(
        `    ${Object.entries(entry.details)
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ')}`,
      );
    if (entry.rule) {
      lines.push(
        `    rule ${entry.rule.id} (${entry.rule.citation.domainRule}; in force from ${entry.rule.version.from}${entry.rule.version.to ? ` to ${entry.rule.version.to}` : ''}): ${entry.rule.text}`,
      );
      if (entry.rule.explanation) lines.push(`    explanation: ${entry.rule.explanation}`);
      lines.push(`    source: ${entry.rule.citation.source}`);
    }
    if (entry.auditLog === 'missing') lines.push('    audit log: NO ENTRY');
    else if (entry.auditLog) lines.push(`    audit log: entry ${entry.auditLog.entryId} (${entry.auditLog.action})`);
  }
  if (timeline.undecodablePayloads) {
    lines.push(
      '',
      `${timeline.undecodablePayloads} payload(s) could not be decoded (erased person, or not this system's master key): their entries lack details.`,
    );
  }
  if (timeline.unmatchedAuditEntries.length) {
    lines.push('', 'Audit log entries that no history accounts for:');
    for (const row of timeline.unmatchedAuditEntries)
      lines.push(`  ${row.at}  ${row.action} by ${row.actor.id} as ${row.actor.role}`);
  }
  return lines.join('\n');
}

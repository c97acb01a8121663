import { episodeWorkflowId, trajectoryWorkflowId } from '@tnw/contracts';

/**
 * What an auditor asks about: a case (its trajectory, the training reviews it started) or an
 * incapacity episode (every yearly run). Both are known by their pseudonymous UUID only.
 */
export type AuditSubjectKind = 'case' | 'episode';

export interface AuditSubject {
  kind: AuditSubjectKind;
  id: string;
}

/** The workflow that a subject's histories start from; its children and earlier runs follow from it. */
export function rootWorkflowIdOf(subject: AuditSubject): string {
  return subject.kind === 'case' ? trajectoryWorkflowId(subject.id) : episodeWorkflowId(subject.id);
}

/** `case:<uuid>` or `episode:<uuid>`: how verdicts and files name their subject. */
export function subjectKey(subject: AuditSubject): string {
  return `${subject.kind}:${subject.id}`;
}

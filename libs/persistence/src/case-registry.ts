import type { DataSource } from 'typeorm';
import { CaseFileEntity } from './entities/case-file.entity';
import { InsuredPersonEntity } from './entities/insured-person.entity';
import { registerWithPerson, type NewPerson, type RegistrationKeys } from './registration';
import { toStoredSubjectKey, type StoredSubjectKey, type SubjectKeyRow } from './subject-keys';

export interface NewCase extends NewPerson {
  route: string;
  incapacityStartDate: string;
  referralDate: string;
  employmentService?: string;
  workflowIdFor(caseId: string): string;
}

export interface RegisteredCase {
  caseId: string;
  personId: string;
  workflowId: string;
}

/**
 * A client's Idempotency-Key on POST /cases: the key, scoped by the caller (the access token's
 * subject), and a keyed hash of the request's canonical body (never the body: it holds a
 * national number).
 */
export interface CaseIdempotencyKey {
  subject: string;
  key: string;
  requestHash: Buffer;
}

export type CaseRegistration =
  /** A new case: its workflow is to be started. */
  | { outcome: 'registered'; case: RegisteredCase }
  /**
   * The key was used before for the same request: that case, with its status in the read model
   * (`registered` until its workflow's first projection: its start may not have been completed).
   */
  | { outcome: 'replayed'; case: RegisteredCase; status: string }
  /** The key was used before by this caller for another request: nothing was written. */
  | { outcome: 'keyReusedForAnotherRequest' };

/** How long an idempotency key is remembered at least; CaseRegistry.forgetIdempotencyKeys deletes older ones. */
export const IDEMPOTENCY_KEY_RETENTION_HOURS = 7 * 24;

/**
 * Registration of people and cases by the API, before a workflow starts: one statement that
 * writes the person (found by national number, or created under a new pseudonymous ID, which is
 * all the workflow sees), their payload key when they are new, and the case (see
 * registerWithPerson).
 */
export class CaseRegistry {
  constructor(private readonly dataSource: DataSource) {}

  async register(newCase: NewCase, keys?: RegistrationKeys): Promise<RegisteredCase> {
    const registered = await this.insert(newCase, keys);
    if (!registered) throw new Error('the case was not registered');
    return registered;
  }

  /**
   * Registers the case once per idempotency key: the claim on the key is inserted by the same
   * statement as the case, so that of two requests with one key (at once or one after the other)
   * exactly one writes a case; the other waits for it to commit, then answers its case.
   */
  async registerOnce(newCase: NewCase, idempotency: CaseIdempotencyKey, keys?: RegistrationKeys): Promise<CaseRegistration> {
    // A claim found gone (deleted with its case between the two statements) is tried again.
    for (let attempt = 1; attempt <= 3; attempt++) {
      const registered = await this.insert(newCase, keys, idempotency);
      if (registered) return { outcome: 'registered', case: registered };
      const claimed = await this.claimed(idempotency);
      if (!claimed) continue;
      if (!claimed.requestHash.equals(idempotency.requestHash)) return { outcome: 'keyReusedForAnotherRequest' };
      keys?.registered(claimed.case.workflowId, claimed.case.personId, claimed.key);
      return { outcome: 'replayed', case: claimed.case, status: claimed.status };
    }
    throw new Error('the idempotency key was claimed, but its case could not be read');
  }

  /** Forgets the idempotency keys older than IDEMPOTENCY_KEY_RETENTION_HOURS; returns how many. */
  async forgetIdempotencyKeys(): Promise<number> {
    const [, deleted]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM case_idempotency_key WHERE created_at < now() - make_interval(hours => $1)`,
      [IDEMPOTENCY_KEY_RETENTION_HOURS],
    );
    return deleted;
  }

  /** Undoes a registration whose workflow could not be started, so no orphan case remains. */
  async withdraw(caseId: string): Promise<void> {
    await this.dataSource.getRepository(CaseFileEntity).delete({ id: caseId, status: 'registered' });
  }

  /** For activities that must identify the person to a partner or write to them. */
  async personOf(personId: string): Promise<Pick<InsuredPersonEntity, 'nationalNumber' | 'language'>> {
    const { nationalNumber, language } = await this.dataSource.getRepository(InsuredPersonEntity).findOneByOrFail({ id: personId });
    return { nationalNumber, language };
  }

  private async insert(
    newCase: NewCase,
    keys?: RegistrationKeys,
    idempotency?: CaseIdempotencyKey,
  ): Promise<RegisteredCase | null> {
    const registered = await registerWithPerson(this.dataSource, {
      person: newCase,
      table: 'case_file',
      columns: [
        ['route', newCase.route, 'varchar'],
        ['incapacity_start_date', newCase.incapacityStartDate, 'date'],
        ['referral_date', newCase.referralDate, 'date'],
        ['employment_service', newCase.employmentService ?? null, 'varchar'],
      ],
      workflowIdFor: newCase.workflowIdFor,
      claim:
        idempotency &&
        ((caseId) => ({
          table: 'case_idempotency_key',
          columns: [
            ['subject', idempotency.subject, 'text'],
            ['idempotency_key', idempotency.key, 'varchar'],
            ['request_hash', idempotency.requestHash, 'bytea'],
            ['case_id', caseId, 'uuid'],
          ],
        })),
      keys,
    });
    return registered && { caseId: registered.id, personId: registered.personId, workflowId: registered.workflowId };
  }

  /** The case claimed by the key, its status, the claiming request's hash and the person's key. */
  private async claimed({ subject, key }: CaseIdempotencyKey): Promise<Claim | null> {
    const rows: ClaimRow[] = await this.dataSource.query(
      `SELECT claim.request_hash, claim.case_id, c.workflow_id, c.status, c.person_id, k.key_id, k.wrapped_key, k.erased_at
       FROM case_idempotency_key claim
       JOIN case_file c ON c.id = claim.case_id
       LEFT JOIN subject_key k ON k.person_id = c.person_id
       WHERE claim.subject = $1 AND claim.idempotency_key = $2`,
      [subject, key],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      case: { caseId: row.case_id, personId: row.person_id!, workflowId: row.workflow_id },
      status: row.status,
      requestHash: row.request_hash,
      key: toStoredSubjectKey(row),
    };
  }
}

interface Claim {
  case: RegisteredCase;
  status: string;
  requestHash: Buffer;
  key: StoredSubjectKey | null;
}

interface ClaimRow extends SubjectKeyRow {
  request_hash: Buffer;
  case_id: string;
  workflow_id: string;
  status: string;
}

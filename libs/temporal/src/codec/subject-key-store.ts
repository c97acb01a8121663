import type { SerializationContext } from '@temporalio/common';
import { isDatabaseUnavailable, type RegistrationKeys, type StoredSubjectKey } from '@tnw/persistence';
import { randomUUID } from 'node:crypto';
import { KEY_BYTES, newDataKey, open, seal } from './aes-gcm';
import { BoundedCache } from './bounded-cache';
import { PayloadEncryptionRefusedError, PayloadKeyUnavailableError, type DataKey, type PayloadKeys } from './payload-keys';
import { workflowOwner } from './workflow-owners';

/** What the key store needs of PostgreSQL: libs/persistence's SubjectKeys, or a fake in unit tests. */
export interface SubjectKeyRows {
  personOfCase(caseId: string): Promise<string | null>;
  personOfEpisode(episodeId: string): Promise<string | null>;
  keyOfSubject(personId: string | null): Promise<StoredSubjectKey | null>;
  keyById(keyId: string): Promise<StoredSubjectKey | null>;
  insertKeyIfAbsent(key: { keyId: string; personId: string | null; wrappedKey: Buffer }): Promise<void>;
  erase(personId: string): Promise<string>;
}

export interface SubjectKeyStoreOptions {
  /** The key-encryption key (TNW_MASTER_KEY): 32 bytes. */
  masterKey: Buffer;
  /** How long a data key read from the database stays in memory. Default 60 s. */
  keyCacheTtlMs?: number;
  /**
   * How long past its expiry a data key held in memory is still used while the database does not
   * answer (isDatabaseUnavailable). Default 5 minutes.
   */
  staleKeyGraceMs?: number;
  /** How many data keys a process keeps in memory at most. Default 1000. */
  maxCachedKeys?: number;
  /** Pause before retrying a failed database call (then twice as long). Default 250 ms. */
  retryDelayMs?: number;
  now?: () => number;
}

/** The subject of the system key: payloads of no person (the monthly report, paths without context). */
const SYSTEM = 'system';
/** A workflow ID naming a case or episode that is not registered: there is no such workflow. */
const UNREGISTERED = Symbol('unregistered');
/** A key nobody keeps: what it encrypts is unreadable from the start. */
const throwawayKey = (): DataKey => ({ keyId: randomUUID(), key: newDataKey() });

/**
 * One data key per person (envelope encryption, docs/decisions/0004): the key is random, stored
 * in `subject_key` wrapped by the master key. A new person's key is made by the API before their
 * registration and stored by the registration's statement (newSubjectKey), which also tells the
 * store the new workflow's person and key (registered), so that encrypting the start input needs
 * no query. Otherwise (people registered before encryption, a registration that lost a race, a
 * process without the registration) it is made on the first payload encrypted for the person.
 * Erasing a person destroys their key; their payloads can no longer be read.
 *
 * Which key encrypts a payload comes from its serialization context (SDK 1.24): the workflow ID
 * of the workflow that owns it (for a child workflow, the child's; for an activity, the workflow
 * that scheduled it) names the case or episode, whose row names the person. Payloads without a
 * context, or with an activity context without a workflow ID, get the system key: the Schedule's
 * start arguments (none), a workflow task's failure, an activity completed from outside its
 * workflow. None of these carries a person's data in this system.
 *
 * Caching and erasure: data keys are kept in memory for `keyCacheTtlMs` (60 s) at most, in a
 * bounded cache, so that a busy worker does not read and unwrap a key for every payload. Erasure
 * deletes the key in the database and in this process's cache at once; another process (a
 * worker, the API, a codec server) that read the key less than a minute ago can still use it
 * until its copy expires. An erasure is therefore complete one TTL after it was recorded (the
 * codec server rechecks at once: recheck()). An erased or unknown key is never cached, so a
 * process without a copy refuses it at once. Which case belongs to which person never changes,
 * so those lookups are cached longer.
 *
 * While the database does not answer, a key whose copy expired less than `staleKeyGraceMs` (5
 * minutes) ago is still used: a worker that cannot encode a payload is given up by the SDK, and
 * the worker notices an outage only at its next probe (apps/worker). During an outage longer than
 * a minute, an erasure recorded just before it can thus take up to that much longer to reach a
 * process that held the key; an erasure this process made itself is never served stale.
 */
export class SubjectKeyStore implements PayloadKeys, RegistrationKeys {
  private readonly keysById: BoundedCache<string, Buffer>;
  private readonly keysBySubject: BoundedCache<string, DataKey>;
  private readonly personsOfWorkflows: BoundedCache<string, string | null>;
  private readonly loading = new Map<string, Promise<DataKey>>();
  private readonly masterKey: Buffer;
  private readonly retryDelayMs: number;
  private readonly staleKeyGraceMs: number;

  constructor(
    private readonly rows: () => Promise<SubjectKeyRows>,
    options: SubjectKeyStoreOptions,
  ) {
    if (options.masterKey.length !== KEY_BYTES) throw new Error(`the master key must be ${KEY_BYTES} bytes, not ${options.masterKey.length}`);
    this.masterKey = options.masterKey;
    this.retryDelayMs = options.retryDelayMs ?? 250;
    this.staleKeyGraceMs = options.staleKeyGraceMs ?? 5 * 60_000;
    const ttl = options.keyCacheTtlMs ?? 60_000;
    const size = options.maxCachedKeys ?? 1000;
    this.keysById = new BoundedCache(size, ttl, options.now);
    this.keysBySubject = new BoundedCache(size, ttl, options.now);
    this.personsOfWorkflows = new BoundedCache(10 * size, 24 * 3600_000, options.now);
  }

  /**
   * The key of the person whose workflow owns the payload. For a person who was erased, a key
   * that is thrown away at once: whatever their workflows still write is unreadable from the
   * start, like everything else of theirs. Refusing instead would stop the worker, since the SDK
   * cannot report an activity whose result (or failure) it cannot encode. For a workflow ID whose
   * case or episode is not registered, a throwaway key too: no such workflow exists (workflows
   * start after their registration), so Temporal answers the signal or update with "not found",
   * as it would without encryption; the system key would put a person's data beyond erasure.
   */
  async encryptionKey(context: SerializationContext | undefined): Promise<DataKey> {
    const personId = await this.personOfWorkflow(context?.workflowId);
    if (personId === UNREGISTERED) return throwawayKey();
    const subject = personId ?? SYSTEM;
    const cached = this.keysBySubject.get(subject);
    if (cached) return cached;
    let pending = this.loading.get(subject);
    if (!pending) {
      const stale = () => this.keysBySubject.getStale(subject, this.staleKeyGraceMs);
      pending = this.orStale(this.loadOrCreate(personId), stale).finally(() => this.loading.delete(subject));
      this.loading.set(subject, pending);
    }
    return pending;
  }

  async decryptionKey(keyId: string): Promise<Buffer> {
    const cached = this.keysById.get(keyId);
    if (cached) return cached;
    return this.orStale(this.loadDecryptionKey(keyId), () => this.keysById.getStale(keyId, this.staleKeyGraceMs));
  }

  /**
   * A new data key for a person about to be registered, wrapped by the master key and bound to
   * its key ID and that person's ID: the registration stores it only if it creates the person.
   */
  newSubjectKey(personId: string): { keyId: string; wrappedKey: Buffer } {
    const keyId = randomUUID();
    return { keyId, wrappedKey: this.wrap(keyId, personId, newDataKey()) };
  }

  /**
   * What a registration wrote or found: the person of the new workflow and their key (null: none
   * stored yet, or none the registration could see), so that its payloads are encrypted without
   * a query. An erased key, or one that does not unwrap, is left to encryptionKey, which handles
   * both (a throwaway key; an error naming the master key).
   */
  registered(workflowId: string, personId: string, key: StoredSubjectKey | null): void {
    this.personsOfWorkflows.set(workflowId, personId);
    if (!key?.wrappedKey || key.personId !== personId) return;
    let dataKey: DataKey;
    try {
      dataKey = { keyId: key.keyId, key: this.unwrap(key) };
    } catch {
      return;
    }
    this.remember(personId, dataKey);
  }

  /**
   * Erases a person (crypto-shredding): destroys their data key, here and in the database, and
   * returns its ID. Other processes stop using it when their cached copy expires (see above).
   */
  async erase(personId: string): Promise<string> {
    const keyId = await this.db((rows) => rows.erase(personId));
    this.keysById.delete(keyId);
    this.keysBySubject.delete(personId);
    return keyId;
  }

  /**
   * Reads these keys' rows again and forgets those erased (or gone) at once, without waiting for
   * the cache to expire: for the places where a person reads decrypted data (the codec server).
   */
  async recheck(keyIds: Iterable<string>): Promise<void> {
    await Promise.all(
      [...new Set(keyIds)].map(async (keyId) => {
        const row = await this.db((rows) => rows.keyById(keyId));
        if (row?.wrappedKey) return;
        this.keysById.delete(keyId);
        if (row) this.keysBySubject.delete(row.personId ?? SYSTEM);
      }),
    );
  }

  /** Forgets every key held in memory. */
  clear(): void {
    this.keysById.clear();
    this.keysBySubject.clear();
  }

  private async personOfWorkflow(workflowId: string | undefined): Promise<string | null | typeof UNREGISTERED> {
    if (!workflowId) return null;
    const known = this.personsOfWorkflows.get(workflowId);
    if (known !== undefined) return known;
    const owner = workflowOwner(workflowId);
    if (!owner) {
      throw new PayloadEncryptionRefusedError(
        `workflow ${workflowId} is not a trajectory, training review, episode or monthly report: whose key would encrypt its payloads is unknown (libs/temporal/src/codec/workflow-owners.ts)`,
      );
    }
    let personId: string | null = null;
    if (owner.kind === 'case') {
      personId = await this.db((rows) => rows.personOfCase(owner.caseId));
      if (!personId) return UNREGISTERED;
    } else if (owner.kind === 'episode') {
      personId = await this.db((rows) => rows.personOfEpisode(owner.episodeId));
      if (!personId) return UNREGISTERED;
    }
    this.personsOfWorkflows.set(workflowId, personId);
    return personId;
  }

  private async loadDecryptionKey(keyId: string): Promise<Buffer> {
    const row = await this.db((rows) => rows.keyById(keyId));
    if (!row) throw new PayloadKeyUnavailableError(keyId, 'unknown');
    if (!row.wrappedKey) throw new PayloadKeyUnavailableError(keyId, 'erased');
    const key = this.unwrap(row);
    this.keysById.set(keyId, key);
    return key;
  }

  /** What `load` finds; when the database does not answer, the expired copy `stale` still holds (see above). */
  private async orStale<T>(load: Promise<T>, stale: () => T | undefined): Promise<T> {
    try {
      return await load;
    } catch (error) {
      const copy = isDatabaseUnavailable(error) ? stale() : undefined;
      if (copy === undefined) throw error;
      return copy;
    }
  }

  private async loadOrCreate(personId: string | null): Promise<DataKey> {
    const row = await this.db(async (rows) => {
      const stored = await rows.keyOfSubject(personId);
      if (stored) return stored;
      const keyId = randomUUID();
      await rows.insertKeyIfAbsent({ keyId, personId, wrappedKey: this.wrap(keyId, personId, newDataKey()) });
      // Another process may have stored one first: whichever is stored is the person's key.
      const made = await rows.keyOfSubject(personId);
      if (!made) throw new Error(`the key of ${personId ?? SYSTEM} was stored but cannot be read back`);
      return made;
    });
    // An erased person: see encryptionKey. Not cached, so that each payload gets its own key.
    if (!row.wrappedKey) return throwawayKey();
    return this.remember(personId ?? SYSTEM, { keyId: row.keyId, key: this.unwrap(row) });
  }

  private remember(subject: string, dataKey: DataKey): DataKey {
    this.keysBySubject.set(subject, dataKey);
    this.keysById.set(dataKey.keyId, dataKey.key);
    return dataKey;
  }

  /**
   * A database call, tried again twice after a failure: on the worker, a payload that cannot be
   * encoded fails more than its activity (see encryptionKey), so a short outage is waited out.
   */
  private async db<T>(call: (rows: SubjectKeyRows) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call(await this.rows());
      } catch (error) {
        if (attempt >= 3) throw error;
        await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs * attempt));
      }
    }
  }

  /** The wrapped key is bound to its key ID and person: a row's key copied into another row is refused. */
  private wrap(keyId: string, personId: string | null, key: Buffer): Buffer {
    return seal(this.masterKey, key, wrappingContext(keyId, personId));
  }

  private unwrap(row: StoredSubjectKey): Buffer {
    try {
      return open(this.masterKey, row.wrappedKey!, wrappingContext(row.keyId, row.personId));
    } catch {
      throw new Error(`data key ${row.keyId} cannot be unwrapped: TNW_MASTER_KEY is not the master key it was wrapped with, or its row was altered`);
    }
  }
}

const wrappingContext = (keyId: string, personId: string | null) => Buffer.from(`tnw-subject-key/v1/${keyId}/${personId ?? SYSTEM}`, 'utf8');

/** Reads the master key (base64 of 32 bytes), naming the variable it comes from when it is wrong. */
export function parseMasterKey(base64: string | undefined, name = 'TNW_MASTER_KEY'): Buffer {
  if (!base64) throw new Error(`${name} is not set: the master key (32 random bytes, base64) that wraps the payload keys (npm start makes one in .data/)`);
  const key = Buffer.from(base64, 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`${name} must be ${KEY_BYTES} bytes in base64 (openssl rand -base64 32), not ${key.length} bytes`);
  return key;
}

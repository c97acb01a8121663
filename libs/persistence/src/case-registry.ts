import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { CaseFileEntity } from './entities/case-file.entity';
import { InsuredPersonEntity } from './entities/insured-person.entity';

export interface NewPerson {
  nationalNumber: string;
  language: string;
  postalCode: string;
}

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
 * Registration of people and cases by the API, before a workflow starts. The person is found
 * by national number or created with a new pseudonymous ID, which is all the workflow sees.
 */
export class CaseRegistry {
  constructor(private readonly dataSource: DataSource) {}

  async register(newCase: NewCase): Promise<RegisteredCase> {
    return this.dataSource.transaction(async (tx) => {
      const person = await findOrCreatePerson(tx, newCase);
      const caseId = randomUUID();
      const workflowId = newCase.workflowIdFor(caseId);
      await tx.insert(CaseFileEntity, {
        id: caseId,
        personId: person.id,
        workflowId,
        route: newCase.route,
        status: 'registered',
        incapacityStartDate: newCase.incapacityStartDate,
        referralDate: newCase.referralDate,
        employmentService: newCase.employmentService ?? null,
      });
      return { caseId, personId: person.id, workflowId };
    });
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
}

/**
 * The person with this national number, registered with a new pseudonymous ID if unknown. An
 * existing person keeps their language and postal code.
 */
export async function findOrCreatePerson(tx: EntityManager, person: NewPerson): Promise<InsuredPersonEntity> {
  await tx
    .createQueryBuilder()
    .insert()
    .into(InsuredPersonEntity)
    .values({ id: randomUUID(), nationalNumber: person.nationalNumber, language: person.language, postalCode: person.postalCode })
    .orIgnore()
    .execute();
  return tx.findOneByOrFail(InsuredPersonEntity, { nationalNumber: person.nationalNumber });
}

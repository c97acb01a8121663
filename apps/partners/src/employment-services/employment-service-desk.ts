import { Injectable } from '@nestjs/common';
import type { EmploymentServiceCode, EmploymentServiceRegistration } from '@tnw/integrations';
import { randomUUID } from 'node:crypto';
import { RecordBook } from '../simulation/record-book';
import { SimulationState } from '../simulation/simulation-state';

export interface Registration {
  service: EmploymentServiceCode;
  caseId: string;
}

/** The registrations the employment services received, so their later events can name the case. */
@Injectable()
export class EmploymentServiceDesk {
  private readonly registrations: RecordBook<Registration>;

  constructor(state: SimulationState) {
    this.registrations = new RecordBook(state, 'registration');
  }

  register(service: EmploymentServiceCode, caseId: string): EmploymentServiceRegistration {
    const registrationId = randomUUID();
    this.registrations.set(registrationId, { service, caseId });
    return { registrationId, service };
  }

  registration(registrationId: string): Registration {
    return this.registrations.get(registrationId);
  }
}

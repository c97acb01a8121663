import { Injectable } from '@nestjs/common';
import type { ReintegrationRequestReceipt } from '@tnw/integrations';
import { randomUUID } from 'node:crypto';
import { RecordBook } from '../simulation/record-book';
import { SimulationState } from '../simulation/simulation-state';

/** The employer's prevention service: the reintegration requests it received, by request ID, with their case. */
@Injectable()
export class PreventionService {
  private readonly caseIdsByRequest: RecordBook<string>;

  constructor(state: SimulationState) {
    this.caseIdsByRequest = new RecordBook(state, 'reintegration request');
  }

  receive(caseId: string): ReintegrationRequestReceipt {
    const requestId = randomUUID();
    this.caseIdsByRequest.set(requestId, caseId);
    return { requestId };
  }

  caseIdOf(requestId: string): string {
    return this.caseIdsByRequest.get(requestId);
  }
}

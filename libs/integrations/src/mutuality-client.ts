import type { MembershipResult } from '@tnw/contracts';
import { PartnerClient } from './partner-http';

/** Route C (D15): does the mutuality confirm the person is in invalidity on a given day? */
export interface InvalidityConfirmationRequest {
  nationalNumber: string;
  /** YYYY-MM-DD */
  onDate: string;
}

export interface InvalidityConfirmation {
  inInvalidity: boolean;
  /** First day of invalidity (YYYY-MM-DD), when in invalidity. */
  since?: string;
}

/** D21: the financial intervention the mutuality pays once the HCGRI approved a training project. */
export interface TrainingInterventionPaymentRequest {
  caseId: string;
  nationalNumber: string;
  /** The RIZIV training dossier the HCGRI approved. */
  dossierId: string;
}

export interface TrainingInterventionPayment {
  paymentId: string;
  /** YYYY-MM-DD */
  paidOn: string;
}

/** The mutuality: membership, invalidity and the training intervention. National numbers travel in bodies only. */
export class MutualityClient extends PartnerClient {
  constructor(baseUrl: string) {
    super('mutuality', baseUrl);
  }

  lookUpMember(nationalNumber: string, idempotencyKey: string): Promise<MembershipResult> {
    return this.post('/mutuality/members/lookup', { nationalNumber }, idempotencyKey);
  }

  confirmInvalidity(request: InvalidityConfirmationRequest, idempotencyKey: string): Promise<InvalidityConfirmation> {
    return this.post('/mutuality/invalidity/confirm', request, idempotencyKey);
  }

  payTrainingIntervention(
    request: TrainingInterventionPaymentRequest,
    idempotencyKey: string,
  ): Promise<TrainingInterventionPayment> {
    return this.post('/mutuality/payments/training-intervention', request, idempotencyKey);
  }
}

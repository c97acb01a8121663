import { PartnerClient } from './partner-http';

/** D17 a, D19: a request for a reintegration trajectory at the own employer (Codex). */
export interface ReintegrationRequest {
  caseId: string;
  nationalNumber: string;
  /** YYYY-MM-DD; the occupational physician's 49 days run from it. */
  requestedOn: string;
}

export interface ReintegrationRequestReceipt {
  requestId: string;
}

/** The employer's prevention service: reports back through `/inbound/employer/reintegration-events`. */
export class EmployerClient extends PartnerClient {
  constructor(baseUrl: string) {
    super('employer', baseUrl);
  }

  requestReintegration(request: ReintegrationRequest, idempotencyKey: string): Promise<ReintegrationRequestReceipt> {
    return this.post('/employer/reintegration-requests', request, idempotencyKey);
  }
}

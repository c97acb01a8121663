import { PartnerClient } from './partner-http';

/** D21: a training project submitted to RIZIV; its examination and the HCGRI decision are recorded in our back office. */
export interface TrainingDossierRequest {
  caseId: string;
  title: string;
  /** The school or training centre. */
  provider: string;
  /** YYYY-MM-DD */
  startsOn: string;
  /** YYYY-MM-DD, not before `startsOn`. */
  endsOn: string;
}

export interface TrainingDossier {
  dossierId: string;
}

/** RIZIV/INAMI: registers training-project dossiers. */
export class RizivClient extends PartnerClient {
  constructor(baseUrl: string) {
    super('riziv', baseUrl);
  }

  registerTrainingDossier(request: TrainingDossierRequest, idempotencyKey: string): Promise<TrainingDossier> {
    return this.post('/riziv/training-dossiers', request, idempotencyKey);
  }
}

import type { LetterLanguage } from '@tnw/domain';
import { PartnerClient } from './partner-http';

/** D18: the regional employment services, as they appear in their API's paths. */
export const EMPLOYMENT_SERVICES = ['vdab', 'forem', 'actiris', 'adg'] as const;
export type EmploymentServiceCode = (typeof EMPLOYMENT_SERVICES)[number];

/** D17 c: the registration form (aanmeldingsformulier) the coordinator draws up. */
export interface EmploymentServiceRegistrationRequest {
  caseId: string;
  nationalNumber: string;
  language: LetterLanguage;
  form: { summary?: string };
}

export interface EmploymentServiceRegistration {
  registrationId: string;
  service: EmploymentServiceCode;
}

/** VDAB, Le Forem, Actiris and ADG: they guide the trajectory and report back through `/inbound/employment-services/events`. */
export class EmploymentServiceClient extends PartnerClient {
  constructor(baseUrl: string) {
    super('employment-services', baseUrl);
  }

  register(
    service: EmploymentServiceCode,
    request: EmploymentServiceRegistrationRequest,
    idempotencyKey: string,
  ): Promise<EmploymentServiceRegistration> {
    return this.post(`/employment-services/${service}/registrations`, request, idempotencyKey);
  }
}

import { Injectable } from '@nestjs/common';
import type {
  EmploymentServiceRegistrationRequest,
  InsuredLetter,
  InvalidityCheck,
  InvalidityResult,
  LetterSent,
  MembershipCheck,
  MembershipResult,
  TrainingPayment,
  TrainingProject,
} from '@tnw/contracts';
import type { LetterLanguage } from '@tnw/domain';
import {
  EmployerClient,
  EmploymentServiceClient,
  LettersClient,
  MutualityClient,
  RizivClient,
  type EmploymentServiceCode,
} from '@tnw/integrations';
import { CaseRegistry } from '@tnw/persistence';
import { failWithRetryability, idempotencyKey } from './activity-context';

/**
 * Activities that call the partners. Workflows know a person only by pseudonymous ID; the
 * national number is read here, just before it is sent in a request body.
 */
@Injectable()
export class PartnerActivitiesService {
  constructor(
    private readonly registry: CaseRegistry,
    private readonly mutuality: MutualityClient,
    private readonly letters: LettersClient,
    private readonly riziv: RizivClient,
    private readonly employmentServices: EmploymentServiceClient,
    private readonly employer: EmployerClient,
  ) {}

  async verifyMembership({ personId }: MembershipCheck): Promise<MembershipResult> {
    const { nationalNumber } = await this.registry.personOf(personId);
    return failWithRetryability(() => this.mutuality.lookUpMember(nationalNumber, idempotencyKey()));
  }

  async confirmInvalidity({ personId, onDate }: InvalidityCheck): Promise<InvalidityResult> {
    const { nationalNumber } = await this.registry.personOf(personId);
    const { inInvalidity, since } = await failWithRetryability(() =>
      this.mutuality.confirmInvalidity({ nationalNumber, onDate }, idempotencyKey()),
    );
    return { inInvalidity, since };
  }

  async sendInsuredLetter({ caseId, personId, kind, registered }: InsuredLetter): Promise<LetterSent> {
    const { nationalNumber, language } = await this.registry.personOf(personId);
    const sent = await failWithRetryability(() =>
      this.letters.send({ caseId, nationalNumber, language: language as LetterLanguage, kind, registered }, idempotencyKey()),
    );
    return { letterId: sent.letterId, channel: sent.channel };
  }

  async registerTrainingDossier({ caseId, project }: { caseId: string; project: TrainingProject }): Promise<{ dossierId: string }> {
    const { dossierId } = await failWithRetryability(() => this.riziv.registerTrainingDossier({ caseId, ...project }, idempotencyKey()));
    return { dossierId };
  }

  /** D17c: the domain names the services (VDAB, FOREM, ...); their API uses lowercase codes. */
  async registerAtEmploymentService({ caseId, personId, service, summary }: EmploymentServiceRegistrationRequest): Promise<{ registrationId: string }> {
    const { nationalNumber, language } = await this.registry.personOf(personId);
    const code = service.toLowerCase() as EmploymentServiceCode;
    const { registrationId } = await failWithRetryability(() =>
      this.employmentServices.register(code, { caseId, nationalNumber, language: language as LetterLanguage, form: { summary } }, idempotencyKey()),
    );
    return { registrationId };
  }

  /** D17a: the insured consented; the employer's prevention service receives the request. */
  async requestEmployerReintegration({ caseId, personId, requestedOn }: { caseId: string; personId: string; requestedOn: string }) {
    const { nationalNumber } = await this.registry.personOf(personId);
    const { requestId } = await failWithRetryability(() => this.employer.requestReintegration({ caseId, nationalNumber, requestedOn }, idempotencyKey()));
    return { requestId };
  }

  async payTrainingIntervention({ caseId, personId, dossierId }: TrainingPayment): Promise<{ paymentId: string }> {
    const { nationalNumber } = await this.registry.personOf(personId);
    const { paymentId } = await failWithRetryability(() =>
      this.mutuality.payTrainingIntervention({ caseId, nationalNumber, dossierId }, idempotencyKey()),
    );
    return { paymentId };
  }
}

import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  fileTrainingRequestUpdate,
  recordAdvisingPhysicianAgreementUpdate,
  recordFirstContactUpdate,
  recordFollowUpUpdate,
  recordHcgriDecisionUpdate,
  recordOutcomeUpdate,
  recordPhysicianAdviceUpdate,
  recordRizivExaminationUpdate,
  recordTrainingOutcomeUpdate,
  referToEmploymentServiceUpdate,
  decidePartialResumptionUpdate,
  issueRtwFundVoucherUpdate,
  referToOccupationalPhysicianUpdate,
  requestPartialResumptionUpdate,
  signEngagementDeclarationUpdate,
  stopTrajectoryUpdate,
  STEP_ROLES,
  type Actor,
} from '@tnw/contracts';
import { AllowRoles, CurrentActor } from '../auth/access.decorators';
import { CaseStepsService } from './case-steps.service';
import {
  AdviceDto,
  AgreementDto,
  EmploymentReferralDto,
  EngagementDeclarationDto,
  FirstContactDto,
  FollowUpDto,
  HcgriDecisionDto,
  OutcomeDto,
  PartialResumptionDecisionDto,
  PartnerCallRetryDto,
  PartialResumptionRequestDto,
  ReintegrationRequestDto,
  RtwFundVoucherDto,
  StepDto,
  TrainingOutcomeDto,
  TrainingRequestDto,
} from './steps.dto';

/** The human steps of a case: each answers the workflow's new state, or 409 with its reason. */
@ApiTags('case steps')
@ApiResponse({ status: 400, description: 'A field is invalid: each violation names the field and the rule' })
@ApiResponse({ status: 409, description: 'Refused by the workflow (wrong state, role or date), with the reason; nothing recorded' })
@ApiResponse({ status: 503, description: 'The workflow engine kept the step from the case (no worker answered in time, or the case is failing), saying whether it may still be recorded' })
@Controller('cases/:caseId')
export class CaseStepsController {
  constructor(private readonly steps: CaseStepsService) {}

  @Post('advising-physician-agreement')
  @HttpCode(200)
  @AllowRoles(...STEP_ROLES.recordAdvisingPhysicianAgreement)
  @ApiOperation({ summary: "Route B: the advising physician's agreement that health allows a trajectory (D14)" })
  agree(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() dto: AgreementDto, @CurrentActor() actor: Actor) {
    return this.steps.toTrajectory(caseId, recordAdvisingPhysicianAgreementUpdate, { ...dto, actor });
  }

  @Post('first-contact')
  @HttpCode(200)
  @AllowRoles(...STEP_ROLES.recordFirstContact)
  @ApiOperation({ summary: 'The first conversation with the coordinator (D9, D17)' })
  recordFirstContact(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() dto: FirstContactDto, @CurrentActor() actor: Actor) {
    return this.steps.toTrajectory(caseId, recordFirstContactUpdate, { ...dto, actor });
  }

  @Post('engagement-declaration')
  @HttpCode(200)
  @AllowRoles(...STEP_ROLES.signEngagementDeclaration)
  @ApiOperation({ summary: 'The engagement declaration, signed by the three parties; starts the presumption of incapacity (D20)' })
  signEngagement(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() dto: EngagementDeclarationDto, @CurrentActor() actor: Actor) {
    return this.steps.toTrajectory(caseId, signEngagementDeclarationUpdate, { ...dto, actor });
  }

  @Post('training-requests')
  @HttpCode(200)
  @AllowRoles(...STEP_ROLES.fileTrainingRequest)
  @ApiOperation({ summary: 'File a training project; its review by the advising physician, RIZIV and the HCGRI starts (D21)' })
  fileTraining(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() dto: TrainingRequestDto, @CurrentActor() actor: Actor) {
    return this.steps.toTrajectory(caseId, fileTrainingRequestUpdate, { ...dto, actor });
  }

  @Post('training-review/physician-advice')
  @HttpCode(200)
  @AllowRoles(...STEP_ROLES.recordPhysicianAdvice)
  @ApiOperation({ summary: "The advising physician's advice on the training project in review (D21)" })
  advise(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() dto: AdviceDto, @CurrentActor() actor: Actor) {
    return this.steps.toTrainingReview(caseId, recordPhysicianAdviceUpdate, { ...dto, actor });
  }

  @Post('training-review/riziv-examination')
  @HttpCode(200)
  @AllowRoles(...STEP_ROLES.recordRizivExamination)
  @ApiOperation({ summary: "RIZIV's examination of the training project, favourable or unfavourable (D21)" })
  examine(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() dto: AdviceDto, @CurrentActor() actor: Actor) {
    return this.steps.toTrainingReview(caseId, recordRizivExaminationUpdate, { ...dto, actor });
  }

  @Post('training-review/hcgri-decision')
  @HttpCode(200)
  @AllowRoles(...STEP_ROLES.recordHcgriDecision)
  @ApiOperation({ summary: "The HCGRI's decision on the training project (D21)" })
  decide(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() dto: HcgriDecisionDto, @CurrentActor() actor: Actor) {
    return this.steps.toTrainingReview(caseId, recordHcgriDecisionUpdate, { ...dto, actor });
  }

  @Post('employment-service-referral')
  @HttpCode(200)
  @AllowRoles(...STEP_ROLES.referToEmploymentService)
  @ApiOperation({ summary: 'Send the registration form to the employment service of the residence (D17c, D18)' })
  referToEmploymentService(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() dto: EmploymentReferralDto, @CurrentActor() actor: Actor) {
    return this.steps.toTrajectory(caseId, referToEmploymentServiceUpdate, { ...dto, actor });
  }

  @Post('partial-resumption')
  @HttpCode(200)
  @AllowRoles(...STEP_ROLES.requestPartialResumption)
  @ApiOperation({ summary: 'A partial work resumption request, due on the working day before it (D23)' })
  requestPartialResumption(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() dto: PartialResumptionRequestDto, @CurrentActor() actor: Actor) {
    return this.steps.toTrajectory(caseId, requestPartialResumptionUpdate, { ...dto, actor });
  }

  @Post('partial-resumption/decision')
  @HttpCode(200)
  @AllowRoles(...STEP_ROLES.decidePartialResumption)
  @ApiOperation({ summary: "The advising physician's authorisation of the partial resumption (D23)" })
  decidePartialResumption(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() dto: PartialResumptionDecisionDto, @CurrentActor() actor: Actor) {
    return this.steps.toTrajectory(caseId, decidePartialResumptionUpdate, { ...dto, actor });
  }

  @Post('occupational-physician-referral')
  @HttpCode(200)
  @AllowRoles(...STEP_ROLES.referToOccupationalPhysician)
  @ApiOperation({ summary: "With the insured's consent, a reintegration at the own employer under the Codex (D17a, D19)" })
  referToOccupationalPhysician(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() dto: ReintegrationRequestDto, @CurrentActor() actor: Actor) {
    return this.steps.toTrajectory(caseId, referToOccupationalPhysicianUpdate, { ...dto, actor });
  }

  @Post('rtw-fund-voucher')
  @HttpCode(200)
  @AllowRoles(...STEP_ROLES.issueRtwFundVoucher)
  @ApiOperation({ summary: 'Guidance by a provider paid by the return-to-work fund, when eligible on that day (D17d)' })
  issueVoucher(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() dto: RtwFundVoucherDto, @CurrentActor() actor: Actor) {
    return this.steps.toTrajectory(caseId, issueRtwFundVoucherUpdate, { ...dto, actor });
  }

  @Post('training-outcome')
  @HttpCode(200)
  @AllowRoles(...STEP_ROLES.recordTrainingOutcome)
  @ApiOperation({ summary: 'The training was passed, failed or abandoned; passed: re-evaluation 6 months later (D22)' })
  trainingOutcome(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() dto: TrainingOutcomeDto, @CurrentActor() actor: Actor) {
    return this.steps.toTrajectory(caseId, recordTrainingOutcomeUpdate, { ...dto, actor });
  }

  @Post('follow-ups')
  @HttpCode(200)
  @AllowRoles(...STEP_ROLES.recordFollowUp)
  @ApiOperation({ summary: "The advising physician's follow-up, due every 3 months (D6)" })
  followUp(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() dto: FollowUpDto, @CurrentActor() actor: Actor) {
    return this.steps.toTrajectory(caseId, recordFollowUpUpdate, { ...dto, actor });
  }

  @Post('outcome')
  @HttpCode(200)
  @AllowRoles(...STEP_ROLES.recordOutcome)
  @ApiOperation({ summary: 'How the trajectory ended: work resumed, self-employment, medical reasons' })
  outcome(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() dto: OutcomeDto, @CurrentActor() actor: Actor) {
    return this.steps.toTrajectory(caseId, recordOutcomeUpdate, { ...dto, actor });
  }

  @Post('retry-partner-call')
  @HttpCode(200)
  @AllowRoles(...STEP_ROLES.retryPartnerCall)
  @ApiOperation({
    summary:
      'Try again the partner calls that were retried for their whole bound without an answer (task partnerUnreachable-<partner>), with the same idempotency key',
  })
  retryPartnerCall(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() dto: PartnerCallRetryDto, @CurrentActor() actor: Actor) {
    return this.steps.retryPartnerCall(caseId, { ...dto, actor });
  }

  @Post('stop')
  @HttpCode(200)
  @AllowRoles(...STEP_ROLES.stopTrajectory)
  @ApiOperation({ summary: 'The insured stops the trajectory, which they may do at any moment (D4)' })
  stop(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() dto: StepDto, @CurrentActor() actor: Actor) {
    return this.steps.toTrajectory(caseId, stopTrajectoryUpdate, { ...dto, actor });
  }
}

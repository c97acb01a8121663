import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PARTNERS, TRAJECTORY_OUTCOMES, type Partner, type TrajectoryOutcome } from '@tnw/contracts';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDate } from './validators';

/** Every human step may carry the actor's reason, kept in the audit log. No medical details. */
export class StepDto {
  @ApiPropertyOptional({ maxLength: 500, description: "Why, in the actor's words (no medical details)" })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class AgreementDto extends StepDto {
  @ApiProperty({ description: 'Route B: whether health allows a trajectory now (D14)' })
  @IsBoolean()
  agrees!: boolean;
}

export class FirstContactDto extends StepDto {
  @ApiProperty({ example: '2026-03-02', description: 'Day the first conversation took place (YYYY-MM-DD)' })
  @IsCalendarDate()
  heldOn!: string;
}

export class EngagementDeclarationDto extends StepDto {
  @ApiProperty({ example: '2026-03-09', description: 'Day the last of insured, coordinator and advising physician signed (D20)' })
  @IsCalendarDate()
  signedOn!: string;
}

export class TrainingRequestDto extends StepDto {
  @ApiProperty({ example: 'Logistics planner' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: 'VDAB competence centre' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  provider!: string;

  @ApiProperty({ example: '2026-09-01' })
  @IsCalendarDate()
  startsOn!: string;

  @ApiProperty({ example: '2027-06-30' })
  @IsCalendarDate()
  endsOn!: string;

  @ApiProperty({ enum: ['insured', 'employmentCounsellor'], description: 'Who submitted the project (D21)' })
  @IsIn(['insured', 'employmentCounsellor'])
  submittedBy!: 'insured' | 'employmentCounsellor';
}

export class TrainingOutcomeDto extends StepDto {
  @ApiProperty({ enum: ['passed', 'failed', 'abandoned'] })
  @IsIn(['passed', 'failed', 'abandoned'])
  result!: 'passed' | 'failed' | 'abandoned';

  @ApiProperty({ example: '2027-06-30' })
  @IsCalendarDate()
  on!: string;
}

export class FollowUpDto extends StepDto {
  @ApiProperty({ example: '2026-06-02', description: "Day of the advising physician's follow-up (D6)" })
  @IsCalendarDate()
  heldOn!: string;
}

const RECORDABLE_OUTCOMES = TRAJECTORY_OUTCOMES.filter((outcome) => outcome !== 'stoppedByInsured');

export class OutcomeDto extends StepDto {
  @ApiProperty({ enum: RECORDABLE_OUTCOMES, description: 'How the trajectory ended (a stop by the insured is POST /stop)' })
  @IsIn(RECORDABLE_OUTCOMES)
  outcome!: Exclude<TrajectoryOutcome, 'stoppedByInsured'>;

  @ApiProperty({ example: '2027-09-01' })
  @IsCalendarDate()
  on!: string;
}

export class AdviceDto extends StepDto {
  @ApiProperty({ enum: ['favourable', 'unfavourable'] })
  @IsIn(['favourable', 'unfavourable'])
  advice!: 'favourable' | 'unfavourable';
}

export class HcgriDecisionDto extends StepDto {
  @ApiProperty({ enum: ['approved', 'refused'] })
  @IsIn(['approved', 'refused'])
  decision!: 'approved' | 'refused';
}

export class EmploymentReferralDto extends StepDto {
  @ApiPropertyOptional({ maxLength: 1000, description: 'What the employment service should know to guide the trajectory (no medical details)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  summary?: string;
}

export class PartialResumptionRequestDto extends StepDto {
  @ApiProperty({ example: '2026-12-03', description: 'First day of the partial resumption' })
  @IsCalendarDate()
  resumesOn!: string;

  @ApiProperty({ example: '2026-12-01', description: "Day the insured's declaration and request reached the mutuality (D23)" })
  @IsCalendarDate()
  requestedOn!: string;
}

export class PartialResumptionDecisionDto extends StepDto {
  @ApiProperty({ description: 'Whether the advising physician authorises the activity as fitting the health condition (D23)' })
  @IsBoolean()
  authorised!: boolean;
}

export class RtwFundVoucherDto extends StepDto {
  @ApiProperty({ example: 'Jobcoach Gent', description: "A provider paid by the return-to-work fund (D17d)" })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  provider!: string;

  @ApiProperty({ example: '2026-11-23' })
  @IsCalendarDate()
  issuedOn!: string;
}

export class ReintegrationRequestDto extends StepDto {
  @ApiProperty({ description: "The insured's consent to a referral to the occupational physician (D17a)" })
  @IsBoolean()
  consent!: boolean;

  @ApiProperty({ example: '2026-11-23', description: 'Day the request reaches the prevention service; the 49 days run from it (D19)' })
  @IsCalendarDate()
  requestedOn!: string;
}

export class PartnerCallRetryDto extends StepDto {
  @ApiPropertyOptional({
    enum: PARTNERS,
    description: "Try again only this partner's calls that wait for a decision; all of the case's when absent",
  })
  @IsOptional()
  @IsIn(PARTNERS)
  partner?: Partner;
}

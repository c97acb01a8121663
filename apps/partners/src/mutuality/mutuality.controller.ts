import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import type { Response } from 'express';
import { IdempotencyKey } from '../simulation/idempotency-key.decorator';
import { SimulationState } from '../simulation/simulation-state';

class MemberLookupDto {
  @Matches(/^\d{11}$/, { message: 'nationalNumber must be 11 digits' })
  nationalNumber!: string;
}

/** The six insurers that pay incapacity benefits, by their national code. */
const MUTUALITIES = ['100', '200', '300', '400', '500', '600'];

/**
 * The mutuality's member register. Every well-formed national number is a member; those whose
 * serial number (digits 7-9) is 999 are not, so tests and demos can reach the refusal path.
 */
@ApiTags('mutuality')
@Controller('mutuality')
export class MutualityController {
  constructor(private readonly state: SimulationState) {}

  @Post('members/lookup')
  @HttpCode(200)
  lookUp(@Body() body: MemberLookupDto, @IdempotencyKey() key: string, @Res({ passthrough: true }) res: Response) {
    const { body: answer, replayed } = this.state.once('mutuality', 'members/lookup', key, () => {
      const serial = body.nationalNumber.slice(6, 9);
      if (serial === '999') return { member: false };
      const checksum = Number(body.nationalNumber.slice(9));
      return { member: true, mutuality: MUTUALITIES[checksum % MUTUALITIES.length] };
    });
    if (replayed) res.setHeader('idempotent-replayed', 'true');
    return answer;
  }
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../cases/validators';

/** The most cases (or episodes) one replay job takes: a larger set is refused, not truncated. */
export const MAX_REPLAY_SUBJECTS = 500;

/**
 * What to replay: cases and episodes by ID, or every case (or episode) registered between two
 * days. At least one of the three; together they are one job.
 */
export class StartReplayDto {
  @ApiPropertyOptional({ type: [String], description: `Case IDs (at most ${MAX_REPLAY_SUBJECTS} in all)` })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_REPLAY_SUBJECTS)
  @IsUUID('all', { each: true, message: 'each of caseIds must be a UUID' })
  caseIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Incapacity episode IDs' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_REPLAY_SUBJECTS)
  @IsUUID('all', { each: true, message: 'each of episodeIds must be a UUID' })
  episodeIds?: string[];

  @ApiPropertyOptional({
    example: '2026-01-01',
    description: 'With startedUntil: every case (or episode, see `of`) registered from this day (Europe/Brussels)',
  })
  @IsOptional()
  @IsCalendarDate()
  startedFrom?: string;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'Last day of the range, inclusive; default today' })
  @IsOptional()
  @IsCalendarDate()
  startedUntil?: string;

  @ApiPropertyOptional({ enum: ['cases', 'episodes'], default: 'cases', description: 'What the date range selects' })
  @IsOptional()
  @IsIn(['cases', 'episodes'])
  of?: 'cases' | 'episodes';
}

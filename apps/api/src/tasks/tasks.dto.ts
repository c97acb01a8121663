import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ROLES, type Role } from '@tnw/contracts';
import { PageQueryDto } from '../page-query.dto';

const STAFF_ID = /^[A-Za-z0-9._@-]{1,64}$/;

export class InboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ['role', 'mine', 'unassigned'],
    default: 'role',
    description: "role: every open task of the caller's roles; mine: those the caller holds; unassigned: those nobody holds",
  })
  @IsOptional()
  @IsIn(['role', 'mine', 'unassigned'])
  view: 'role' | 'mine' | 'unassigned' = 'role';

  @ApiPropertyOptional({ enum: ROLES, description: "One role's inbox; a supervisor may look at any role's" })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the tasks of this case or episode' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;
}

export class ReleaseTaskDto {
  @ApiPropertyOptional({ maxLength: 500, description: 'Why the task goes back to the inbox' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class AssignTaskDto extends ReleaseTaskDto {
  @ApiProperty({ example: 'coord-22', description: 'The staff ID of the member of staff who takes the task' })
  @Matches(STAFF_ID, { message: 'assignee must be a staff identifier of 1-64 letters, digits or ._@-' })
  assignee!: string;
}

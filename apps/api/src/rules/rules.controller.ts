import { Controller, Get, Inject, NotFoundException, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createRulebook, type Rulebook, type RuleId } from '@tnw/domain';
import { AllowRoles } from '../auth/access.decorators';
import { ACCESS } from '../auth/access-policy';
import { EPISODE_SETTINGS, type EpisodeSettings } from '../episodes/episode-settings';

/**
 * The rulebook as the workflows apply it: every rule with its dated versions and citations, so
 * that a deadline's rule ID (on a case, a task or a timeline entry) can be explained to its reader.
 */
@ApiTags('rulebook')
@AllowRoles(...ACCESS.everyone)
@Controller('rules')
export class RulesController {
  private readonly rulebook: Rulebook;

  constructor(@Inject(EPISODE_SETTINGS) settings: EpisodeSettings) {
    this.rulebook = createRulebook(settings);
  }

  @Get()
  @ApiOperation({ summary: 'Every rule: what it governs and its versions (value, in force from/to, citation)' })
  list() {
    return this.rulebook.ids().map((id) => this.describe(id));
  }

  @Get(':ruleId')
  @ApiOperation({ summary: 'One rule with its versions' })
  find(@Param('ruleId') ruleId: string) {
    if (!this.rulebook.ids().includes(ruleId as RuleId)) throw new NotFoundException(`no rule ${ruleId} in the rulebook`);
    return this.describe(ruleId as RuleId);
  }

  private describe(id: RuleId) {
    const versions = this.rulebook.versions(id);
    return { ruleId: id, governs: this.rulebook.governs(id), versions: versions.map(({ from, to, value, citation }) => ({ from, to: to ?? null, value, citation })) };
  }
}

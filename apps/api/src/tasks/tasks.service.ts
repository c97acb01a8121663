import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { ROLES, type Actor, type Role } from '@tnw/contracts';
import { TaskInbox, type AssignmentAction, type InboxTask } from '@tnw/persistence';
import type { AccessRole } from '../auth/access-roles';
import type { InboxQueryDto } from './tasks.dto';

const refused = (message: string) => new ConflictException({ statusCode: 409, error: 'Refused', message });

/**
 * The inbox rules: a task goes to its role; a member of that role claims it or releases it; a
 * supervisor sees every role's inbox, assigns a task to someone and takes one back.
 */
@Injectable()
export class TasksService {
  constructor(private readonly inbox: TaskInbox) {}

  list(query: InboxQueryDto, actor: Actor, granted: readonly AccessRole[], now: Date) {
    const supervisor = granted.includes('supervisor');
    const visible: readonly Role[] = supervisor ? ROLES : granted.filter((role): role is Role => role !== 'partner');
    if (query.role && !visible.includes(query.role)) throw new ForbiddenException(`the ${query.role} inbox is not yours to read`);
    return this.inbox.list({
      roles: query.role ? [query.role] : visible,
      assignee: query.view === 'mine' ? actor.id : undefined,
      unassigned: query.view === 'unassigned',
      ownerId: query.ownerId,
      overdueOnly: query.overdue,
      now,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
  }

  async claim(taskId: string, actor: Actor, granted: readonly AccessRole[], now: Date): Promise<InboxTask> {
    const task = await this.openTask(taskId, now);
    if (!granted.includes(task.role as Role)) throw new ForbiddenException(`this task is for the ${task.role} role`);
    if (task.assignee === actor.id) return task;
    if (task.assignee) throw refused(`the task is already held by ${task.assignee}`);
    return this.change(task, null, { actorId: actor.id, actorRole: task.role, action: 'claim', assignee: actor.id }, now);
  }

  async release(taskId: string, actor: Actor, granted: readonly AccessRole[], reason: string | undefined, now: Date): Promise<InboxTask> {
    const task = await this.openTask(taskId, now);
    const supervisor = granted.includes('supervisor');
    if (!task.assignee) throw refused('nobody holds the task');
    if (task.assignee !== actor.id && !supervisor) throw new ForbiddenException(`the task is held by ${task.assignee}; only they or a supervisor can release it`);
    const actorRole = task.assignee === actor.id ? task.role : 'supervisor';
    return this.change(task, task.assignee, { actorId: actor.id, actorRole, action: 'release', assignee: null, reason }, now);
  }

  async assign(taskId: string, actor: Actor, assignee: string, reason: string | undefined, now: Date): Promise<InboxTask> {
    const task = await this.openTask(taskId, now);
    return this.change(task, task.assignee, { actorId: actor.id, actorRole: 'supervisor', action: 'assign', assignee, reason }, now);
  }

  private async openTask(taskId: string, now: Date): Promise<InboxTask> {
    const task = await this.inbox.find(taskId, now);
    if (!task) throw new NotFoundException(`no task ${taskId}`);
    if (task.status !== 'open') throw refused('the task is done: its step has been taken');
    return task;
  }

  private async change(task: InboxTask, expected: string | null, action: AssignmentAction, now: Date): Promise<InboxTask> {
    const { changed, task: current } = await this.inbox.reassign(task.id, expected, action, now);
    if (changed && current) return current;
    // Someone else changed the task between our read and our write.
    if (!current || current.status !== 'open') throw refused('the task is done: its step has been taken');
    throw refused(current.assignee ? `the task is now held by ${current.assignee}` : 'nobody holds the task any more');
  }
}

import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@tnw/persistence';
import { ApiClient, STAFF } from '../support/api-client';
import { startE2eApps, type E2eApps } from '../support/e2e-apps';

/** The inbox of each role: list, claim, release and assign, each refused with its reason when it may not. */
describe('task inbox through the API', () => {
  let apps: E2eApps;
  let api: ApiClient;
  let database: DataSource;

  beforeAll(async () => {
    apps = await startE2eApps('inbox');
    api = new ApiClient(apps.apiUrl);
    database = await new DataSource(dataSourceOptions(apps.databaseUrl)).initialize();
  });
  afterAll(async () => {
    await database?.destroy();
    await apps?.close();
  });

  const inbox = async (who: string, query: string) => {
    const response = await api.as(who).request(`/tasks?${query}`);
    return { status: response.status, body: await api.json(response) };
  };
  const act = async (who: string, taskId: string, action: string, body: unknown = {}) => {
    const response = await api.as(who).post(`/tasks/${taskId}/${action}`, body);
    return { status: response.status, body: await api.json(response) };
  };

  it('gives a case with an overdue first contact to the coordinators, and its escalation to the supervisors', async () => {
    const { caseId } = await api.startCase();
    await api.caseOnce(caseId, 'firstContactOverdue');

    const coordinators = await inbox('coordinator', `ownerId=${caseId}`);
    expect(coordinators).toMatchObject({
      status: 200,
      body: { total: 1, items: [{ source: 'case', ownerId: caseId, kind: 'firstContact', role: 'coordinator', overdue: true, assignee: null }] },
    });
    // A supervisor sees every role's inbox; asked for one role, that one only.
    expect((await inbox('supervisor', `ownerId=${caseId}`)).body.items.map((task: { kind: string }) => task.kind).sort()).toEqual([
      'firstContact',
      'firstContactOverdue',
    ]);
    expect((await inbox('supervisor', `ownerId=${caseId}&role=supervisor`)).body.items).toHaveLength(1);
    expect(await inbox('coordinator', 'role=supervisor')).toMatchObject({ status: 403, body: { message: 'the supervisor inbox is not yours to read' } });
    expect((await inbox('advisingPhysician', `ownerId=${caseId}`)).body).toEqual({ total: 0, items: [] });
  });

  it('lets one coordinator hold a task at a time; a supervisor reassigns it; every change is logged with its reason', async () => {
    const { caseId } = await api.startCase();
    await api.caseOnce(caseId, 'firstContactOverdue');
    const [task] = (await inbox('coordinator', `ownerId=${caseId}`)).body.items;

    expect(await act('advisingPhysician', task.id, 'claim')).toMatchObject({ status: 403, body: { message: 'this task is for the coordinator role' } });
    expect(await act('coord-17', task.id, 'claim')).toMatchObject({ status: 200, body: { assignee: 'coord-17' } });
    expect(await act('coord-22', task.id, 'claim')).toMatchObject({ status: 409, body: { message: 'the task is already held by coord-17' } });
    expect(await act('coord-22', task.id, 'release')).toMatchObject({ status: 403 });
    expect(await act('coordinator', task.id, 'assign', { assignee: 'coord-22' })).toMatchObject({ status: 403 });
    expect(await act('supervisor', task.id, 'assign', { assignee: 'coord-22', reason: 'An Peeters is on leave' })).toMatchObject({
      status: 200,
      body: { assignee: 'coord-22' },
    });
    expect((await inbox('coord-22', `view=mine&ownerId=${caseId}`)).body.items.map((t: { id: string }) => t.id)).toEqual([task.id]);
    expect((await inbox('coord-17', `view=mine&ownerId=${caseId}`)).body.items).toEqual([]);
    expect(await act('coord-22', task.id, 'release', { reason: 'back to the team' })).toMatchObject({ status: 200, body: { assignee: null } });
    expect((await inbox('coordinator', `view=unassigned&ownerId=${caseId}`)).body.total).toBe(1);

    // The step is taken: the task is done, and a claim says so.
    expect((await api.post(`/cases/${caseId}/first-contact`, { heldOn: '2026-03-02' })).status).toBe(200);
    await api.caseOnce(caseId, 'active');
    expect(await act('coord-17', task.id, 'claim')).toMatchObject({ status: 409, body: { message: 'the task is done: its step has been taken' } });

    const log = await database.query(
      'SELECT actor_id, actor_role, action, assignee, reason FROM task_assignment_log WHERE task_id = $1 ORDER BY id',
      [task.id],
    );
    expect(log).toEqual([
      { actor_id: 'coord-17', actor_role: 'coordinator', action: 'claim', assignee: 'coord-17', reason: null },
      { actor_id: STAFF.supervisor, actor_role: 'supervisor', action: 'assign', assignee: 'coord-22', reason: 'An Peeters is on leave' },
      { actor_id: 'coord-22', actor_role: 'coordinator', action: 'release', assignee: null, reason: 'back to the team' },
    ]);
    await expect(database.query('DELETE FROM task_assignment_log WHERE task_id = $1', [task.id])).rejects.toThrow(/append-only/);
  });

  it('refuses bad inbox requests with 400 naming the field, and unknown tasks with 404', async () => {
    const tooBig = await inbox('coordinator', 'pageSize=1000');
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.violations).toEqual([expect.objectContaining({ field: 'pageSize', rule: 'max' })]);
    const badView = await inbox('coordinator', 'view=everything');
    expect(badView.body.violations).toEqual([expect.objectContaining({ field: 'view', rule: 'isIn' })]);
    const badAssignee = await act('supervisor', '7f1c2f43-5f1f-4c38-9d55-3c2f0c7a2b11', 'assign', { assignee: 'not a staff id!' });
    expect(badAssignee.body.violations).toEqual([expect.objectContaining({ field: 'assignee', rule: 'matches' })]);
    expect((await act('coordinator', '7f1c2f43-5f1f-4c38-9d55-3c2f0c7a2b11', 'claim')).status).toBe(404);
  });
});

/** Task queue of the case workflows and their activities. */
export const CASES_TASK_QUEUE = 'tnw-cases';

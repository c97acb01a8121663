import type { WorkflowType } from '@tnw/contracts';
import type * as workflows from '../../../workflows';

/**
 * Fails to compile when a workflow type declared in libs/contracts is not exported by
 * workflows/index.ts, which would otherwise surface only when a start reaches the worker.
 */
type Unexported = Exclude<WorkflowType, keyof typeof workflows>;
export const everyDeclaredWorkflowIsExported: [Unexported] extends [never] ? true : Unexported = true;

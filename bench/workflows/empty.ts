/** The bare engine's baseline: a workflow that does nothing, so a start costs only the engine's work. */
export async function emptyWorkflow(): Promise<void> {
  return;
}

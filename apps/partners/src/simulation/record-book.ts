import { NotFoundException } from '@nestjs/common';
import type { SimulationState } from './simulation-state';

/** Records a partner keeps by ID, forgotten when the simulation resets. */
export class RecordBook<T> {
  private readonly records = new Map<string, T>();

  constructor(
    state: SimulationState,
    private readonly kind: string,
  ) {
    state.onReset(() => this.records.clear());
  }

  get size(): number {
    return this.records.size;
  }

  set(id: string, record: T): void {
    this.records.set(id, record);
  }

  find(id: string): T | undefined {
    return this.records.get(id);
  }

  /** 404 naming the kind of record, for admin routes that address one by ID. */
  get(id: string): T {
    const record = this.records.get(id);
    if (record === undefined) throw new NotFoundException(`no ${this.kind} ${id}`);
    return record;
  }

  list(): T[] {
    return [...this.records.values()];
  }
}

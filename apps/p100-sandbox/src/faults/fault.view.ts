import type { FaultSettings } from './fault-settings';
import type { FaultRow } from './faults.repository';

export interface FaultView extends FaultSettings {
  group: string;
  /** Requests still affected when the fault was set with `count`; null = until cleared. */
  remaining: number | null;
  updatedAt: string;
}

export function toFaultView(row: FaultRow): FaultView {
  return { ...row.config, group: row.endpoint_group, remaining: row.remaining, updatedAt: row.updated_at.toISOString() };
}

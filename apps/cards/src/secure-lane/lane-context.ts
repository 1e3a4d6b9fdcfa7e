import { AsyncLocalStorage } from 'node:async_hooks';

interface LaneContext {
  /** The gateway client the command is run for (`x-caller`): who a reveal is audited against. */
  caller: string;
}

const storage = new AsyncLocalStorage<LaneContext>();

/** Runs a secure-lane command with what its HTTP request said beyond the command envelope. */
export function runOnLane<T>(context: LaneContext, work: () => T): T {
  return storage.run(context, work);
}

/** The caller of the secure-lane command being handled; undefined outside the lane. */
export function laneCaller(): string | undefined {
  return storage.getStore()?.caller;
}

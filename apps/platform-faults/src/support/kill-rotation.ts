import type { FaultPlatform } from '../faults.harness';

export interface KillRotation {
  /** Kills per service, in the order they were made. */
  kills: Record<string, number>;
  /** Milliseconds from SIGKILL to healthy again, per restart. */
  restartMs: number[];
}

/**
 * SIGKILLs each named service in turn, `rounds` times over, `pauseMs` apart, and starts it again,
 * waiting until it is healthy before the next kill: at most one service is down at a time, and the
 * next kill is of another service, so every service is killed while the others carry the load.
 */
export async function killInRotation(platform: FaultPlatform, names: readonly string[], rounds: number, pauseMs: number, onKill: (name: string, round: number) => void): Promise<KillRotation> {
  const kills: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  const restartMs: number[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    for (const name of names) {
      await new Promise((r) => setTimeout(r, pauseMs));
      const started = Date.now();
      const exited = (await platform.running[name]!.kill('SIGKILL')) as { signal: string | null } | null;
      if (exited?.signal !== 'SIGKILL') throw new Error(`${name} had already exited (${JSON.stringify(exited)}) before it was killed`);
      await platform.restart(name);
      restartMs.push(Date.now() - started);
      kills[name]! += 1;
      onKill(name, round);
    }
  }
  return { kills, restartMs };
}

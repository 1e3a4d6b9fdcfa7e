// promtool (Prometheus' own rule checker and rule unit-test runner), found on PATH.
import { spawnSync } from 'node:child_process';

const INSTALL = 'promtool not found on PATH: install it (Debian/Ubuntu: `apt-get install prometheus`, which provides promtool; .ci/run installs it)';

export interface PromtoolResult {
  ok: boolean;
  output: string;
}

/** Runs promtool with `args` in `cwd`; throws, naming what to install, when promtool is missing. */
export function promtool(args: string[], cwd: string): PromtoolResult {
  const run = spawnSync('promtool', args, { cwd, encoding: 'utf8' });
  if ((run.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') throw new Error(INSTALL);
  if (run.error) throw run.error;
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

// CPU time of processes of a bench, read from /proc (Linux): user + system of a pid, in ms.
// The benches take it around each round to print CPU per call next to latency: at one caller
// every millisecond of CPU on the path is a millisecond of latency, however idle the box looks.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

let ticksPerSecond;
function clockTicks() {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** CPU ms (user + system) the process `pid` has used so far; NaN where /proc cannot tell. */
export function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [utime, stime] = [Number(fields[11]), Number(fields[12])];
    return ((utime + stime) * 1000) / clockTicks();
  } catch {
    return Number.NaN;
  }
}

/** Snapshot of several named processes: `{ name: cpuMs }`. */
export function cpuSnapshot(pids) {
  return Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuMs(pid)]));
}

/** CPU ms per call of each process between two snapshots. */
export function cpuPerCall(before, after, calls) {
  return Object.fromEntries(Object.keys(before).map((name) => [name, (after[name] - before[name]) / calls]));
}

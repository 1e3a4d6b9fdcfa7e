import { PeriodicJob } from './periodic-job';

describe('PeriodicJob', () => {
  it('runs pass after pass without overlap, survives a failed pass, and stop() waits for the pass under way', async () => {
    let running = 0;
    let overlapped = false;
    let passes = 0;
    const errors: string[] = [];
    let release: () => void = () => undefined;
    const job = new PeriodicJob(
      1,
      async () => {
        overlapped ||= running > 0;
        running += 1;
        passes += 1;
        try {
          if (passes === 2) throw new Error('second pass fails');
          if (passes === 4) await new Promise<void>((resolve) => (release = resolve));
        } finally {
          running -= 1;
        }
      },
      (error) => errors.push(error.message),
    );
    job.start();
    while (passes < 4) await new Promise((r) => setTimeout(r, 2));
    let stopped = false;
    const stopping = job.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(stopped).toBe(false);
    release();
    await stopping;
    const after = passes;
    await new Promise((r) => setTimeout(r, 10));
    expect({ overlapped, errors, morePasses: passes - after }).toEqual({ overlapped: false, errors: ['second pass fails'], morePasses: 0 });
  });
});

import { GroupCommit, GroupCommitFullError, type GroupCommitOptions } from './group-commit';

/** A commit port that records its batches and finishes only when the test says so. */
function controlledCommit(fail: (item: string) => boolean = () => false) {
  const batches: string[][] = [];
  const open: Array<() => void> = [];
  const commit = (items: string[]) => {
    batches.push(items);
    return new Promise<string[]>((resolve, reject) => {
      open.push(() => (items.some(fail) ? reject(new Error(`bad item in ${items.join(',')}`)) : resolve(items.map((i) => `ok:${i}`))));
    });
  };
  /** Finishes every commit, also those that start because earlier ones finished. */
  const finishAll = async () => {
    for (let quiet = 0; quiet < 3; ) {
      if (open.length) {
        open.splice(0).forEach((finish) => finish());
        quiet = 0;
      } else quiet += 1;
      await new Promise((r) => setImmediate(r));
    }
  };
  return { batches, open, commit, finishAll };
}

const tick = () => new Promise((r) => setImmediate(r));

function committer(commit: GroupCommitOptions<string, string>['commit'], overrides: Partial<GroupCommitOptions<string, string>> = {}) {
  return new GroupCommit<string, string>({ commit, maxBatch: 100, maxInFlight: 1, maxWaitMs: 2, maxQueue: 1000, maxQueueBytes: 1 << 20, ...overrides });
}

describe('group commit', () => {
  it('commits at once when idle, and gathers what arrives during a commit into the next one', async () => {
    const port = controlledCommit();
    const group = committer(port.commit);
    const first = group.submit('a');
    await tick();
    expect(port.batches).toEqual([['a']]);
    const later = ['b', 'c', 'd'].map((i) => group.submit(i));
    await tick();
    expect(port.batches).toHaveLength(1); // b, c, d wait for the commit under way
    await port.finishAll();
    await expect(first).resolves.toBe('ok:a');
    await expect(Promise.all(later)).resolves.toEqual(['ok:b', 'ok:c', 'ok:d']);
    expect(port.batches).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('goes together with the requests of the same turn of the event loop', async () => {
    const port = controlledCommit();
    const group = committer(port.commit);
    const all = ['a', 'b', 'c'].map((i) => group.submit(i));
    await port.finishAll();
    await Promise.all(all);
    expect(port.batches).toEqual([['a', 'b', 'c']]);
  });

  it('answers nobody before the commit that holds their item has finished', async () => {
    const port = controlledCommit();
    const group = committer(port.commit);
    let settled = 0;
    const all = ['a', 'b'].map((i) => group.submit(i).finally(() => (settled += 1)));
    await tick();
    await tick();
    expect(settled).toBe(0);
    expect(group.pending).toBe(2);
    await port.finishAll();
    await Promise.all(all);
    expect(settled).toBe(2);
    expect(group.pending).toBe(0);
  });

  it('caps a batch at maxBatch', async () => {
    const port = controlledCommit();
    const group = committer(port.commit, { maxBatch: 2 });
    const all = ['a', 'b', 'c', 'd', 'e'].map((i) => group.submit(i));
    await port.finishAll();
    await Promise.all(all);
    expect(port.batches).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('starts a second commit beside a slow one once a request has waited maxWaitMs', async () => {
    const port = controlledCommit();
    const group = committer(port.commit, { maxInFlight: 2, maxWaitMs: 5 });
    const first = group.submit('a');
    await tick();
    const second = group.submit('b');
    await new Promise((r) => setTimeout(r, 30));
    expect(port.batches).toEqual([['a'], ['b']]);
    await port.finishAll();
    await expect(Promise.all([first, second])).resolves.toEqual(['ok:a', 'ok:b']);
  });

  it('retries a failed batch item by item, so that only the bad item fails', async () => {
    const port = controlledCommit((item) => item === 'bad');
    const group = committer(port.commit);
    const blocker = group.submit('first');
    await tick();
    const results = ['a', 'bad', 'c'].map((i) => group.submit(i).then((r) => r, (e: Error) => `failed: ${e.message}`));
    await port.finishAll();
    await blocker;
    expect(await Promise.all(results)).toEqual(['ok:a', 'failed: bad item in bad', 'ok:c']);
    expect(port.batches).toEqual([['first'], ['a', 'bad', 'c'], ['a'], ['bad'], ['c']]);
  });

  it('refuses at once beyond its queue bound, in items and in bytes, and accepts again once it drains', async () => {
    const port = controlledCommit();
    const group = committer(port.commit, { maxQueue: 2, maxQueueBytes: 100 });
    const blocker = group.submit('x');
    await tick();
    const queued = [group.submit('a', 10), group.submit('b', 10)];
    await expect(group.submit('c', 10)).rejects.toEqual(new GroupCommitFullError('items'));
    await port.finishAll();
    await Promise.all([blocker, ...queued]);

    const blocker2 = group.submit('y');
    await tick();
    const big = group.submit('big', 90);
    await expect(group.submit('more', 20)).rejects.toEqual(new GroupCommitFullError('bytes'));
    await port.finishAll();
    await expect(Promise.all([blocker2, big])).resolves.toEqual(['ok:y', 'ok:big']);
    const again = group.submit('again', 20);
    await port.finishAll();
    await expect(again).resolves.toBe('ok:again');
  });

  it('on close refuses new items and waits until the accepted ones are committed', async () => {
    const port = controlledCommit();
    const group = committer(port.commit);
    const accepted = [group.submit('a'), group.submit('b')];
    await tick();
    let closed = false;
    const closing = group.close().then(() => (closed = true));
    await expect(group.submit('late')).rejects.toEqual(new GroupCommitFullError('closed'));
    await tick();
    expect(closed).toBe(false);
    await port.finishAll();
    await closing;
    await expect(Promise.all(accepted)).resolves.toEqual(['ok:a', 'ok:b']);
  });
});

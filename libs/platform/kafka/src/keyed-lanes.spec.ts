import type { KafkaMessage } from 'kafkajs';
import { KeyedLanes } from './keyed-lanes';

const message = (offset: number, key: string | null): KafkaMessage =>
  ({ offset: String(offset), key: key === null ? null : Buffer.from(key), value: Buffer.from('{}'), timestamp: '0', attributes: 0, headers: {} }) as KafkaMessage;

function batchOf(messages: KafkaMessage[], partition = 0, highWatermark?: string) {
  const resolved: string[] = [];
  return {
    resolved,
    payload: {
      batch: { topic: 't', partition, messages, highWatermark } as never,
      resolveOffset: (offset: string) => void resolved.push(offset),
      heartbeat: async () => undefined,
      isRunning: () => true,
      isStale: () => false,
    },
  };
}

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
};
const tick = () => new Promise((r) => setImmediate(r));

function lanesWith(limit: number, maxBuffered?: number) {
  const commits: string[] = [];
  const lanes = new KeyedLanes({ limit, maxBuffered, retryDelayMs: 1, commit: async (offsets) => void commits.push(...offsets.map((o) => `${o.partition}@${o.offset}`)) });
  return { lanes, commits };
}

describe('KeyedLanes', () => {
  it('runs different keys at the same time and one key in offset order', async () => {
    const { lanes } = lanesWith(8);
    const log: string[] = [];
    const slowA = gate();
    await lanes.take(batchOf([message(0, 'a'), message(1, 'b'), message(2, 'a'), message(3, 'c')]).payload, async (m) => {
      log.push(`start ${m.offset}`);
      if (m.offset === '0') await slowA.opened;
      log.push(`end ${m.offset}`);
    });
    await tick();
    // b and c ran while a's first message was still busy; a's second waits behind it.
    expect(log).toEqual(['start 0', 'start 1', 'end 1', 'start 3', 'end 3']);
    slowA.open();
    await lanes.idle();
    expect(log.slice(5)).toEqual(['end 0', 'start 2', 'end 2']);
  });

  it('returns from a batch at once, with its offsets resolved, so that fetching is not held up by a slow message', async () => {
    const { lanes } = lanesWith(8);
    const slow = gate();
    const { payload, resolved } = batchOf([message(0, 'a'), message(1, 'b')]);
    await lanes.take(payload, async (m) => {
      if (m.offset === '0') await slow.opened;
    });
    expect(resolved).toEqual(['0', '1']);
    await tick();
    expect(lanes.open).toBe(1);
    slow.open();
    await lanes.idle();
    expect(lanes.open).toBe(0);
  });

  it('commits a partition only up to the first message not yet done', async () => {
    const { lanes, commits } = lanesWith(8);
    const slow = gate();
    await lanes.take(batchOf([message(10, 'a'), message(11, 'b'), message(12, 'c')]).payload, async (m) => {
      if (m.offset === '10') await slow.opened;
    });
    await tick();
    expect(commits).toEqual([]); // 11 and 12 are done, 10 is not: nothing may be committed
    slow.open();
    await lanes.idle();
    await tick();
    expect(commits.at(-1)).toBe('0@13');
  });

  it('never runs more than its limit at once, across partitions', async () => {
    const { lanes } = lanesWith(2);
    let running = 0;
    let peak = 0;
    const handle = async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running -= 1;
    };
    await lanes.take(batchOf([message(0, 'a'), message(1, 'b'), message(2, 'c')], 0).payload, handle);
    await lanes.take(batchOf([message(0, 'x'), message(1, 'y')], 1).payload, handle);
    await lanes.idle();
    expect(peak).toBe(2);
  });

  it('holds the next batch back while too many messages are open (bounded work behind a hang)', async () => {
    const { lanes } = lanesWith(1, 3);
    const slow = gate();
    await lanes.take(batchOf([message(0, 'a'), message(1, 'b')]).payload, async () => slow.opened);
    let returned = false;
    const second = lanes.take(batchOf([message(2, 'c')]).payload, async () => undefined).then(() => (returned = true));
    await tick();
    expect(returned).toBe(false); // 3 open, the most allowed: kafkajs may not fetch more yet
    slow.open();
    await second;
    await lanes.idle();
  });

  it('retries a failed message in its lane before the key\'s next one, and commits nothing past it meanwhile', async () => {
    const { lanes, commits } = lanesWith(8);
    const attempts: string[] = [];
    await lanes.take(batchOf([message(0, 'a'), message(1, 'a')]).payload, async (m) => {
      attempts.push(m.offset);
      if (m.offset === '0' && attempts.filter((o) => o === '0').length < 3) throw new Error('boom');
    });
    await lanes.idle();
    expect(attempts).toEqual(['0', '0', '0', '1']);
    await tick();
    expect(commits.at(-1)).toBe('0@2');
  });

  it('runs a message handed over twice (after a rebalance) only once', async () => {
    const { lanes } = lanesWith(8);
    const ran: string[] = [];
    await lanes.take(batchOf([message(0, 'a'), message(1, 'b')]).payload, async (m) => void ran.push(m.offset));
    await lanes.take(batchOf([message(1, 'b'), message(2, 'c')]).payload, async (m) => void ran.push(m.offset));
    await lanes.idle();
    expect(ran.sort()).toEqual(['0', '1', '2']);
  });

  it('resolves a batch handed again from an older offset, so kafkajs fetches on, and stores its done watermark again', async () => {
    // A consumer restarted after a whole-cluster outage starts from the group's stored offset,
    // behind what we hold (our commits failed meanwhile).
    let failCommits = true;
    const commits: string[] = [];
    const lanes = new KeyedLanes({ limit: 8, retryDelayMs: 1, commit: async (offsets) => {
      if (failCommits) throw new Error('the coordinator is not available');
      commits.push(...offsets.map((o) => `${o.partition}@${o.offset}`));
    } });
    const ran: string[] = [];
    await lanes.take(batchOf([message(0, 'a'), message(1, 'b')]).payload, async (m) => void ran.push(m.offset));
    await lanes.idle();
    await tick();
    failCommits = false;
    const again = batchOf([message(0, 'a'), message(1, 'b')]);
    await lanes.take(again.payload, async (m) => void ran.push(m.offset));
    await lanes.idle();
    await tick();
    expect({ ran, resolved: again.resolved, commits }).toEqual({ ran: ['0', '1'], resolved: ['0', '1'], commits: ['0@2'] });
  });

  it('takes nothing once stopped (shutdown), and leaves such a batch unresolved for the next owner', async () => {
    const { lanes } = lanesWith(8);
    lanes.stopTaking();
    const ran: string[] = [];
    const { payload, resolved } = batchOf([message(0, 'a')]);
    await lanes.take(payload, async (m) => void ran.push(m.offset));
    await lanes.idle();
    expect([ran, resolved]).toEqual([[], []]);
  });

  it('treats messages without a key as keys of their own', async () => {
    const { lanes } = lanesWith(8);
    const slow = gate();
    const log: string[] = [];
    await lanes.take(batchOf([message(0, null), message(1, null)]).payload, async (m) => {
      log.push(m.offset);
      if (m.offset === '0') await slow.opened;
    });
    await tick();
    expect(log).toEqual(['0', '1']);
    slow.open();
    await lanes.idle();
  });

  describe('lag', () => {
    it('is the partition end minus the first offset not done: running, waiting behind a key, and not fetched yet all count', async () => {
      const { lanes } = lanesWith(8);
      const slow = gate();
      // Offsets 10..12 fetched of a partition that ends at 20 (next offset to be written).
      await lanes.take(batchOf([message(10, 'a'), message(11, 'a'), message(12, 'b')], 0, '20').payload, async (m) => {
        if (m.offset === '10') await slow.opened;
      });
      await tick();
      // 12 is done but 10 (and 11 behind it) are not: a commit now would store 10.
      expect(lanes.lag()).toEqual([{ topic: 't', partition: 0, messages: 10 }]);
      slow.open();
      await lanes.idle();
      expect(lanes.lag()).toEqual([{ topic: 't', partition: 0, messages: 7 }]);
    });

    it('is zero once everything up to the end is done, and is reported per partition held', async () => {
      const { lanes } = lanesWith(8);
      await lanes.take(batchOf([message(0, 'a'), message(1, 'b')], 0, '2').payload, async () => undefined);
      await lanes.take(batchOf([message(5, 'c')], 3, '9').payload, async () => undefined);
      await lanes.idle();
      expect(lanes.lag()).toEqual([
        { topic: 't', partition: 0, messages: 0 },
        { topic: 't', partition: 3, messages: 3 },
      ]);
      lanes.forget('t', 3);
      expect(lanes.lag()).toEqual([{ topic: 't', partition: 0, messages: 0 }]);
    });

    it('never moves the end backwards when an older batch of the partition comes again', async () => {
      const { lanes } = lanesWith(8);
      await lanes.take(batchOf([message(0, 'a')], 0, '50').payload, async () => undefined);
      await lanes.take(batchOf([message(0, 'a')], 0, '30').payload, async () => undefined);
      await lanes.idle();
      expect(lanes.lag()).toEqual([{ topic: 't', partition: 0, messages: 49 }]);
    });

    it('reports nothing for a partition whose batches carried no end', async () => {
      const { lanes } = lanesWith(8);
      await lanes.take(batchOf([message(0, 'a')]).payload, async () => undefined);
      await lanes.idle();
      expect(lanes.lag()).toEqual([]);
    });
  });
  describe('commits', () => {
    /** Lanes whose commit calls are recorded whole (one entry per call) and held until released. */
    function recordingCommits(commitIntervalMs: number) {
      const calls: string[][] = [];
      let hold: Promise<void> | null = null;
      const lanes = new KeyedLanes({
        limit: 8,
        commitIntervalMs,
        commit: async (offsets) => {
          calls.push(offsets.map((o) => `${o.partition}@${o.offset}`).sort());
          await hold;
        },
      });
      return { lanes, calls, holdCommits: (p: Promise<void> | null) => (hold = p) };
    }

    it('sends the watermarks that moved while a commit was in flight together, in one call', async () => {
      const { lanes, calls, holdCommits } = recordingCommits(0);
      const answer = gate();
      holdCommits(answer.opened);
      await lanes.take(batchOf([message(0, 'a')], 0).payload, async () => undefined);
      await lanes.idle();
      await tick();
      // The first commit is in flight; three partitions move meanwhile.
      for (const partition of [0, 1, 2]) await lanes.take(batchOf([message(5, `k${partition}`)], partition).payload, async () => undefined);
      await lanes.idle();
      await tick();
      expect(calls).toEqual([['0@1']]);
      holdCommits(null);
      answer.open();
      await lanes.flushCommits();
      expect(calls).toEqual([['0@1'], ['0@6', '1@6', '2@6']]);
    });

    it('waits the interval between two commit calls, so messages one at a time share a commit', async () => {
      const { lanes, calls } = recordingCommits(60_000);
      await lanes.take(batchOf([message(0, 'a')], 0).payload, async () => undefined);
      await lanes.idle();
      await tick();
      // The first call goes at once: nothing was committed for an interval.
      expect(calls).toEqual([['0@1']]);
      for (const offset of [1, 2, 3]) {
        await lanes.take(batchOf([message(offset, 'a')], offset % 2).payload, async () => undefined);
        await lanes.idle();
        await tick();
      }
      // Within the interval: held back, however many finished.
      expect(calls).toEqual([['0@1']]);
      await lanes.flushCommits();
      expect(calls).toEqual([['0@1'], ['0@3', '1@4']]);
    });

    it('commits at the end of the interval without being asked', async () => {
      // Fake clock (timers and Date.now), real setImmediate: the interval is exact, not a race.
      jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
      try {
        const { lanes, calls } = recordingCommits(200);
        await lanes.take(batchOf([message(0, 'a')]).payload, async () => undefined);
        await lanes.idle();
        await tick();
        await lanes.take(batchOf([message(1, 'a')]).payload, async () => undefined);
        await lanes.idle();
        await tick();
        jest.advanceTimersByTime(199);
        await tick();
        expect(calls).toEqual([['0@1']]);
        jest.advanceTimersByTime(1);
        await tick();
        expect(calls).toEqual([['0@1'], ['0@2']]);
      } finally {
        jest.useRealTimers();
      }
    });

    it('drops the waiting watermark of a partition that went to another member', async () => {
      const { lanes, calls } = recordingCommits(60_000);
      await lanes.take(batchOf([message(0, 'a')], 0).payload, async () => undefined);
      await lanes.idle();
      await tick();
      await lanes.take(batchOf([message(1, 'a')], 0).payload, async () => undefined);
      await lanes.take(batchOf([message(1, 'b')], 1).payload, async () => undefined);
      await lanes.idle();
      lanes.forget('t', 0);
      await lanes.flushCommits();
      expect(calls).toEqual([['0@1'], ['1@2']]);
    });
  });
});

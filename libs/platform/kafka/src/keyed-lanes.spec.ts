import type { KafkaMessage } from 'kafkajs';
import { KeyedLanes } from './keyed-lanes';

const message = (offset: number, key: string | null): KafkaMessage =>
  ({ offset: String(offset), key: key === null ? null : Buffer.from(key), value: Buffer.from('{}'), timestamp: '0', attributes: 0, headers: {} }) as KafkaMessage;

function batchOf(messages: KafkaMessage[]) {
  const resolved: string[] = [];
  return {
    resolved,
    payload: {
      batch: { messages } as never,
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

describe('KeyedLanes', () => {
  it('runs different keys at the same time and one key in offset order', async () => {
    const lanes = new KeyedLanes(8);
    const log: string[] = [];
    const slowA = gate();
    const { payload } = batchOf([message(0, 'a'), message(1, 'b'), message(2, 'a'), message(3, 'c')]);
    const run = lanes.runBatch(payload, async (m) => {
      log.push(`start ${m.offset}`);
      if (m.offset === '0') await slowA.opened;
      log.push(`end ${m.offset}`);
    });
    await new Promise((r) => setImmediate(r));
    // b and c ran while a's first message was still busy; a's second waits behind it.
    expect(log).toEqual(['start 0', 'start 1', 'end 1', 'start 3', 'end 3']);
    slowA.open();
    await run;
    expect(log.slice(5)).toEqual(['end 0', 'start 2', 'end 2']);
  });

  it('resolves an offset only when it and every earlier offset are done', async () => {
    const lanes = new KeyedLanes(8);
    const slow = gate();
    const { payload, resolved } = batchOf([message(10, 'a'), message(11, 'b'), message(12, 'c')]);
    const run = lanes.runBatch(payload, async (m) => {
      if (m.offset === '10') await slow.opened;
    });
    await new Promise((r) => setImmediate(r));
    expect(resolved).toEqual([]); // 11 and 12 are done, 10 is not: nothing may be committed
    slow.open();
    await run;
    expect(resolved).toEqual(['12']);
  });

  it('never runs more than its limit at once, across batches', async () => {
    const lanes = new KeyedLanes(2);
    let running = 0;
    let peak = 0;
    const handle = async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running -= 1;
    };
    await Promise.all([
      lanes.runBatch(batchOf([message(0, 'a'), message(1, 'b'), message(2, 'c')]).payload, handle),
      lanes.runBatch(batchOf([message(0, 'x'), message(1, 'y')]).payload, handle),
    ]);
    expect(peak).toBe(2);
  });

  it('stops a lane at a failure, keeps what was done, and rethrows so the rest is redelivered', async () => {
    const lanes = new KeyedLanes(8);
    const { payload, resolved } = batchOf([message(0, 'a'), message(1, 'a'), message(2, 'a')]);
    const handled: string[] = [];
    await expect(
      lanes.runBatch(payload, async (m) => {
        if (m.offset === '1') throw new Error('boom');
        handled.push(m.offset);
      }),
    ).rejects.toThrow('boom');
    expect(handled).toEqual(['0']);
    expect(resolved).toEqual(['0']);
  });

  it('treats messages without a key as keys of their own', async () => {
    const lanes = new KeyedLanes(8);
    const slow = gate();
    const log: string[] = [];
    const run = lanes.runBatch(batchOf([message(0, null), message(1, null)]).payload, async (m) => {
      log.push(m.offset);
      if (m.offset === '0') await slow.opened;
    });
    await new Promise((r) => setImmediate(r));
    expect(log).toEqual(['0', '1']);
    slow.open();
    await run;
  });
});

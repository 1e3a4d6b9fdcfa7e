import { randomBytes } from 'node:crypto';
import { Partitioners } from 'kafkajs';
import { keyPartitioner, murmur2 } from './key-partitioner';

describe('key partitioner (linear murmur2)', () => {
  const partitionMetadata = Array.from({ length: 12 }, (_, i) => ({ partitionErrorCode: 0, partitionId: i, leader: 1, replicas: [1], isr: [1], offlineReplicas: [] as number[] }));
  const kafkajsDefault = Partitioners.DefaultPartitioner();
  const ours = keyPartitioner();

  it('puts every key on the partition kafkajs (and the Java client) would', () => {
    const keys = [
      '',
      'a',
      'ab',
      'abc',
      'abcd',
      'externalUserId-0001',
      'zażółć gęślą jaźń',
      '😀 emoji key',
      ...Array.from({ length: 500 }, (_, i) => randomBytes(1 + (i % 97)).toString('base64')),
      ...Array.from({ length: 50 }, (_, i) => randomBytes(1 + i)),
    ];
    for (const key of keys) {
      const message = { key, value: 'v' };
      expect({ key, partition: ours({ topic: 't', partitionMetadata, message }) }).toEqual({ key, partition: kafkajsDefault({ topic: 't', partitionMetadata, message }) });
    }
  });

  it('matches the Java client for known keys', () => {
    // Values of org.apache.kafka.common.utils.Utils.murmur2 (Kafka's own test vectors).
    expect(murmur2(Buffer.from('21'))).toBe(-973932308);
    expect(murmur2(Buffer.from('foobar'))).toBe(-790332482);
    expect(murmur2(Buffer.from('a-little-bit-long-string'))).toBe(-985981536);
    expect(murmur2(Buffer.from('a-little-bit-longer-string'))).toBe(-1486304829);
    expect(murmur2(Buffer.from('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8'))).toBe(-58897971);
    expect(murmur2(Buffer.from([0x61, 0x62, 0x63]))).toBe(479470107);
  });

  it('hashes a 200 KB key (it used to stall the event loop for a minute)', () => {
    expect(Number.isInteger(murmur2('k'.repeat(200_000)))).toBe(true);
  });
});

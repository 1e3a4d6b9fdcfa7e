import { KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { producerStateLost } from './kafka-publisher';

// The publisher replaces its producer only on the errors that say the brokers no longer share its
// idempotence state; any other failure keeps the producer (and its sequence numbers) as it is.
describe('producerStateLost', () => {
  const protocolError = (type: string) => Object.assign(new KafkaJSProtocolError('from the broker'), { type });

  it.each(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_EPOCH'])('is true for %s, also wrapped by kafkajs', (type) => {
    expect(producerStateLost(protocolError(type))).toBe(true);
    // As kafkajs's retrier rejects: the broker's error as the cause.
    const error = protocolError(type);
    expect(producerStateLost(new (KafkaJSNonRetriableError as unknown as new (e: Error, o: { cause: Error }) => Error)(error, { cause: error }))).toBe(true);
    expect(producerStateLost(new KafkaJSNumberOfRetriesExceeded(error, { retryCount: 5, retryTime: 100 }))).toBe(true);
  });

  it.each(['NOT_LEADER_FOR_PARTITION', 'REQUEST_TIMED_OUT', 'NOT_ENOUGH_REPLICAS'])('is false for %s', (type) => {
    expect(producerStateLost(protocolError(type))).toBe(false);
  });

  it('is false for anything that is not a broker error', () => {
    expect(producerStateLost(new Error('Connection error: ECONNREFUSED'))).toBe(false);
    expect(producerStateLost(undefined)).toBe(false);
  });
});

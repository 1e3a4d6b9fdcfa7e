import { PlatformKafkaServer } from './platform-kafka-server';

describe('PlatformKafkaServer handler lookup', () => {
  const server = new PlatformKafkaServer({ client: { brokers: ['127.0.0.1:1'] } });
  const handler = Object.assign(async () => 'ok', { isEventHandler: false });
  server.addHandler('onboarding.commands', handler);

  afterEach(() => jest.restoreAllMocks());

  it('finds a topic handler by its name without trying to parse the name as JSON (Nest throws and catches per message)', () => {
    const parse = jest.spyOn(JSON, 'parse');
    expect(server.getHandlerByPattern('onboarding.commands')).toBe(handler);
    expect(parse).not.toHaveBeenCalled();
  });

  it('keeps Nest lookup for a pattern that is not a registered name', () => {
    server.addHandler({ cmd: 'sum' }, handler);
    expect(server.getHandlerByPattern(JSON.stringify({ cmd: 'sum' }))).toBe(handler);
    expect(server.getHandlerByPattern('payments.commands')).toBeNull();
  });
});

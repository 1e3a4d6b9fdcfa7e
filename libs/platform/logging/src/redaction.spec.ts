import { Writable } from 'node:stream';
import pino from 'pino';
import { REDACTED_PATHS, serializeError } from './logging.module';

/** A pino logger configured as the services' (redaction, error serializer), writing to a string. */
function capture() {
  let out = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      out += chunk;
      done();
    },
  });
  const logger = pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, serializers: { err: serializeError } }, stream);
  return { logger, output: () => out };
}

describe('log redaction (no secret or personal data in a log line)', () => {
  it("drops a failed query's parameters, Postgres's detail and a data exception's quoted value", () => {
    const { logger, output } = capture();
    const failed = Object.assign(new Error('invalid input syntax for type integer: "otp-493817"'), {
      name: 'QueryFailedError',
      code: '22P02',
      query: 'INSERT INTO t (code, email) VALUES ($1, $2)',
      parameters: ['493817', 'jan@example.com'],
      detail: 'Key (email)=(jan@example.com) already exists.',
      driverError: { parameters: ['493817'], detail: 'jan@example.com' },
    });
    logger.error({ err: failed }, 'request failed');
    const line = output();
    for (const secret of ['493817', 'jan@example.com']) expect(line).not.toContain(secret);
    expect(line).toContain('22P02');
    expect(line).toContain('INSERT INTO t (code, email) VALUES ($1, $2)');
  });

  it('redacts credentials, card data, one-time codes and contact data by field name', () => {
    const { logger, output } = capture();
    logger.info({ user: { email: 'jan@example.com', phone: '48601234567' }, card: { pan: '4111111111111111', cvv: '123', pin: '0000' }, otp: '493817', apiKey: 'key-0001-secret' }, 'x');
    for (const secret of ['jan@example.com', '48601234567', '4111111111111111', '"123"', '"0000"', '493817', 'key-0001-secret']) expect(output()).not.toContain(secret);
  });
});

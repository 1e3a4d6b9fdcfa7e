import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Kafka, type Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { MessageHeaders, ONBOARDING_COMMANDS_TOPIC, OnboardingCommands, webhookMessageType, type HostedKycView, type UserView } from '@platform/contracts';
import { CommandBus, kafkaClientConfig, kafkaTopic } from '@platform/kafka';
import { KafkaTestConsumer, kafkaTestSettings, testEnv, uniqueName } from '@platform/testing';
import { startOnboarding } from '../src/main';
import { loadOnboardingConfig } from '../src/onboarding.config';

/** P100 at its HTTP port, as far as these tests call it: Create KYC Verification, Suspend User. */
function fakeP100(): { server: Server; calls: string[]; refuseSuspension: Set<string> } {
  const calls: string[] = [];
  const refuseSuspension = new Set<string>();
  const server = createServer((req, res) => {
    calls.push(`${req.method} ${req.url}`);
    const reply = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    req.resume().on('end', () => {
      const suspend = /^\/v1\/user\/suspend\/([^/]+)$/.exec(req.url ?? '');
      if (req.method === 'POST' && req.url === '/v1/kyc') return reply(201, { verificationId: randomUUID() });
      if (req.method === 'PATCH' && suspend && refuseSuspension.has(suspend[1]!)) return reply(400, { errorCode: 'P454', errorName: 'SUSPENSION_NOT_POSSIBLE', errorMessage: 'User has active cards' });
      if (req.method === 'PATCH' && suspend) return reply(200, {});
      return reply(404, { errorCode: 'P403', errorMessage: `not faked: ${req.method} ${req.url}` });
    });
  });
  return { server, calls, refuseSuspension };
}

describe('onboarding-kyc on real Postgres and a real Kafka-protocol broker', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let producer: Producer;
  let bus: CommandBus;
  let events: KafkaTestConsumer;
  const p100 = fakeP100();
  let p100Url: string;

  const command = <T>(name: keyof typeof OnboardingCommands, payload: Record<string, unknown>) =>
    bus.request<T>(ONBOARDING_COMMANDS_TOPIC, OnboardingCommands[name].type, payload, { key: String(payload.externalUserId) });
  const webhook = (event: string, payload: Record<string, unknown>, eventId: string = randomUUID()) =>
    producer.send({
      topic: kafkaTopic('p100.webhooks.user'),
      acks: -1,
      messages: [{ key: String(payload.externalUserId), value: JSON.stringify(payload), headers: { [MessageHeaders.eventId]: eventId, [MessageHeaders.type]: webhookMessageType(event), [MessageHeaders.occurredAt]: new Date().toISOString() } }],
    });
  const eventsOf = (key: string, type: string) => events.messages.filter((m) => m.key === key && m.headers[MessageHeaders.type] === type);
  const givenUser = async (status: string, kycVerificationId: string | null = null) => {
    const id = uniqueName('kafka-user');
    await dataSource.query(`INSERT INTO users (external_user_id, status, country, kyc_verification_id) VALUES ($1, $2, 'PL', $3)`, [id, status, kycVerificationId]);
    return id;
  };

  beforeAll(async () => {
    await new Promise<void>((resolve) => p100.server.listen(0, '127.0.0.1', resolve));
    p100Url = `http://127.0.0.1:${(p100.server.address() as AddressInfo).port}`;
    const env = testEnv();
    const config = loadOnboardingConfig({
      DATABASE_URL: env.databaseUrl,
      KAFKA_BROKERS: env.kafkaBrokers.join(','),
      KAFKA_DEV_BROKER: String(env.devBroker),
      PORT: '0',
      LOG_LEVEL: 'warn',
      P100_BASE_URL: p100Url,
      P100_API_KEY: 'k-test-0123456789',
    });
    app = await startOnboarding(config, { groupId: uniqueName('onboarding-test') });
    dataSource = app.get(DataSource);
    const settings = kafkaTestSettings();
    // The dev broker reports a controller that does not exist, which breaks idempotent producers.
    producer = new Kafka(kafkaClientConfig(settings)).producer({ idempotent: !settings.devBroker, allowAutoTopicCreation: false });
    await producer.connect();
    bus = new CommandBus(kafkaTestSettings(), uniqueName('gateway-test'), [ONBOARDING_COMMANDS_TOPIC], 20_000);
    await bus.connect();
    events = await KafkaTestConsumer.start(['onboarding.events']);
  }, 90_000);

  afterAll(async () => {
    await events?.stop();
    await bus?.close();
    await producer?.disconnect();
    // Stops the consumer, which leaves its group, before the database closes.
    await app?.close();
    await new Promise((resolve) => p100.server.close(resolve));
  });

  it('publishes one activated event for a webhook delivered twice, and for P100 retrying it under a new event id', async () => {
    const id = await givenUser('VERIFICATION_SUBMITTED');
    const eventId = randomUUID();
    await webhook('user-status', { externalUserId: id, status: 'ACTIVE' }, eventId);
    await webhook('user-status', { externalUserId: id, status: 'ACTIVE' }, eventId);
    await webhook('user-status', { externalUserId: id, status: 'ACTIVE' });
    // Same key, same partition, same outbox order: once this one is out, the ones before it are.
    await webhook('high-risk-kyc-verification', { externalUserId: id, status: 'POA_REQUIRED' });
    await events.waitFor((m) => m.key === id && m.headers[MessageHeaders.type] === 'onboarding.user.poa-required.v1', 30_000);
    expect(eventsOf(id, 'onboarding.user.activated.v1')).toHaveLength(1);
    expect(eventsOf(id, 'onboarding.user.poa-required.v1')[0]!.value).toMatchObject({ externalUserId: id, status: 'ACTIVE', poaStatus: 'REQUIRED' });
    await expect(command<UserView>('getUser', { externalUserId: id })).resolves.toMatchObject({ status: 'ACTIVE', poaStatus: 'REQUIRED', poaRequired: true });
  });

  it("starts a hosted session with P100's page for the browser, and moves on when P100 approves that session", async () => {
    const id = await givenUser('CREATED');
    const session = await command<HostedKycView>('startHostedKyc', { externalUserId: id, documentType: 'PASSPORT', country: 'PL', incomeSource: 'INVESTMENTS', additionalInfo: 'ETF', openAccountReason: 'DAILY_USE' });
    expect(session.redirectUrl).toBe(`${p100Url}/v1/kyc/verification/${id}/${session.verificationId}`);
    expect(session.user).toMatchObject({ status: 'KYC_SESSION_STARTED', kycVerificationId: session.verificationId });
    expect(p100.calls.filter((c) => c === 'POST /v1/kyc')).toHaveLength(1);

    await webhook('kyc-verification-status', { externalUserId: id, verificationId: session.verificationId, status: 'APPROVED' });
    const approved = await events.waitFor((m) => m.key === id && m.headers[MessageHeaders.type] === 'onboarding.user.kyc-session-approved.v1', 30_000);
    expect(approved.value).toMatchObject({ externalUserId: id, status: 'KYC_SESSION_APPROVED' });
    expect(eventsOf(id, 'onboarding.user.kyc-session-started.v1')).toHaveLength(1);
  });

  it('answers a suspension P100 refuses for active cards with USER_HAS_ACTIVE_CARDS, and suspends once they are gone', async () => {
    const id = await givenUser('ACTIVE');
    p100.refuseSuspension.add(id);
    await expect(command('suspendUser', { externalUserId: id })).rejects.toMatchObject({ code: 'USER_HAS_ACTIVE_CARDS' });
    p100.refuseSuspension.delete(id);
    await expect(command<UserView>('suspendUser', { externalUserId: id })).resolves.toMatchObject({ status: 'ACTIVE', suspended: true });
    await expect(command('submitVerification', { externalUserId: id })).rejects.toMatchObject({ code: 'USER_SUSPENDED' });
    await events.waitFor((m) => m.key === id && m.headers[MessageHeaders.type] === 'onboarding.user.suspended.v1', 30_000);
  });
});

import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { MessageHeaders, ONBOARDING_COMMANDS_TOPIC, OnboardingCommands, webhookMessageType, type CommandReply, type PoaStatus, type UserModel, type UserStatus } from '@platform/contracts';
import { InboxConsumer, IntentLog, createDataSource, runMigrations, type InboxHandlers } from '@platform/database';
import { CommandDispatcher } from '@platform/kafka';
import { P100_ERROR_CLASSES, p100ErrorToReply, type P100Client, type P100ClientConfig, type P100ErrorCode } from '@platform/p100-client';
import { testEnv, uniqueName } from '@platform/testing';
import { ONBOARDING_MIGRATIONS } from '../src/app.module';
import { GetBalancesHandler } from '../src/balances/get-balances.handler';
import { AddKycFilesHandler } from '../src/kyc/add-kyc-files.handler';
import { AddPoaFilesHandler } from '../src/kyc/add-poa-files.handler';
import { GetKycStatusHandler } from '../src/kyc/get-kyc-status.handler';
import { StartHostedKycHandler } from '../src/kyc/start-hosted-kyc.handler';
import { StartHostedKycResolver } from '../src/kyc/start-hosted-kyc.resolver';
import { SubmitVerificationHandler } from '../src/kyc/submit-verification.handler';
import { CommandIntentKeys } from '../src/users/command-intent-keys';
import { CreateLimitedUserHandler } from '../src/users/create-limited-user.handler';
import { CreateUserHandler } from '../src/users/create-user.handler';
import { CreateUserResolver } from '../src/users/create-user.resolver';
import { DeleteUserHandler } from '../src/users/delete-user.handler';
import { GetUserHandler } from '../src/users/get-user.handler';
import { SuspendUserHandler } from '../src/users/suspend-user.handler';
import { UnsuspendUserHandler } from '../src/users/unsuspend-user.handler';
import { UpdateUserHandler } from '../src/users/update-user.handler';
import { UserCommandRunner } from '../src/users/user-command.runner';
import { UserCreation } from '../src/users/user-creation';
import { UserHistoryRepository } from '../src/users/user-history.repository';
import { UserLifecycle } from '../src/users/user-lifecycle';
import { UserEntity } from '../src/users/user.entity';
import { UsersRepository } from '../src/users/users.repository';
import { HighRiskKycWebhookHandler } from '../src/webhooks/high-risk-kyc.webhook-handler';
import { KycFileStatusWebhookHandler } from '../src/webhooks/kyc-file-status.webhook-handler';
import { KycVerificationStatusWebhookHandler } from '../src/webhooks/kyc-verification-status.webhook-handler';
import { PoaVerificationStatusWebhookHandler } from '../src/webhooks/poa-verification-status.webhook-handler';
import { UserStatusWebhookHandler } from '../src/webhooks/user-status.webhook-handler';

export const P100_BASE_URL = 'https://p100.test';

/** A P100 error as the client raises it for P100's answer `{errorCode}` (e.g. P454). */
export function p100Error(code: P100ErrorCode, httpStatus = 400): Error {
  return new P100_ERROR_CLASSES[code](code, httpStatus, `${code} from the fake P100`);
}

/** The P100 port, stubbed: every call is counted; answers are the sandbox's shapes. */
function fakeP100() {
  const users = {
    create: jest.fn(async () => ({ userId: randomUUID() as string, poaRequiredForExtended: false })),
    createNonKyc: jest.fn(async () => ({ userId: randomUUID() as string, balances: [] as unknown[] })),
    addVerification: jest.fn(async () => ({})),
    update: jest.fn(async () => ({})),
    suspend: jest.fn(async () => ({})),
    unsuspend: jest.fn(async () => ({})),
    delete: jest.fn(async () => ({})),
    getBalances: jest.fn(async () => ({ fiatBalances: [], cryptoBalances: [] })),
  };
  const kyc = {
    addKycFiles: jest.fn(async () => ({})),
    addPoaFiles: jest.fn(async () => ({})),
    createVerification: jest.fn(async () => ({ verificationId: randomUUID() as string })),
    getStatus: jest.fn(async (): Promise<Record<string, unknown>> => ({})),
  };
  return { users, kyc, failFastIfOpen: jest.fn() };
}
export type FakeP100 = ReturnType<typeof fakeP100>;

/**
 * onboarding-kyc's handlers on real Postgres (a schema of their own, the service's migrations)
 * with P100 stubbed at its port, wired as AppModule wires them.
 */
export async function onboardingTestbed() {
  // Outside an app, Nest's default logger would print every debug line ("left as it is").
  Logger.overrideLogger(['error', 'warn']);
  const schema = uniqueName('t_onboarding').toLowerCase();
  const dataSource: DataSource = createDataSource({ url: testEnv().databaseUrl, schema, migrations: ONBOARDING_MIGRATIONS, entities: [UserEntity], poolSize: 5 });
  await dataSource.initialize();
  await runMigrations(dataSource, schema);

  const p100 = fakeP100();
  const client = p100 as unknown as P100Client;
  const config: P100ClientConfig = { baseUrl: `${P100_BASE_URL}/`, apiKey: 'k-unused-0123456789' };
  const users = new UsersRepository(dataSource);
  const history = new UserHistoryRepository(dataSource);
  const lifecycle = new UserLifecycle(dataSource, users, history);
  const intents = new IntentLog(dataSource);
  const runner = new UserCommandRunner(dataSource, users, new CommandIntentKeys(history), intents, lifecycle);
  const creation = new UserCreation(dataSource, users, intents, client, lifecycle);
  const handlers = {
    createUser: new CreateUserHandler(creation, client),
    createLimitedUser: new CreateLimitedUserHandler(creation, client),
    addKycFiles: new AddKycFilesHandler(runner, client),
    startHostedKyc: new StartHostedKycHandler(runner, client, config),
    getKycStatus: new GetKycStatusHandler(users, client),
    addPoaFiles: new AddPoaFilesHandler(runner, client),
    submitVerification: new SubmitVerificationHandler(runner, client),
    getUser: new GetUserHandler(users),
    getBalances: new GetBalancesHandler(users, client),
    updateUser: new UpdateUserHandler(runner, client),
    suspendUser: new SuspendUserHandler(runner, client),
    unsuspendUser: new UnsuspendUserHandler(runner, client),
    deleteUser: new DeleteUserHandler(runner, client),
  };
  // As OnboardingCommandsController dispatches: validation, handler, error mapping to stable codes.
  const dispatcher = new CommandDispatcher(
    ONBOARDING_COMMANDS_TOPIC,
    Object.fromEntries(Object.entries(handlers).map(([name, handler]) => [OnboardingCommands[name as keyof typeof handlers].type, handler])),
    p100ErrorToReply,
  );
  const resolvers = { createUser: new CreateUserResolver(client, lifecycle), startHostedKyc: new StartHostedKycResolver(client, lifecycle) };

  const webhookHandlers: InboxHandlers = {
    [webhookMessageType('user-status')]: new UserStatusWebhookHandler(lifecycle),
    [webhookMessageType('kyc-file-status')]: new KycFileStatusWebhookHandler(lifecycle),
    [webhookMessageType('kyc-verification-status')]: new KycVerificationStatusWebhookHandler(users, history, lifecycle),
    [webhookMessageType('poa-verification-status')]: new PoaVerificationStatusWebhookHandler(lifecycle),
    [webhookMessageType('high-risk-kyc-verification')]: new HighRiskKycWebhookHandler(lifecycle),
  };
  const deadLetters: unknown[] = [];
  const inbox = new InboxConsumer({ dataSource, publisher: { publish: async (m) => void deadLetters.push(...m) }, maxAttempts: 1 });
  let offset = 0;

  return {
    dataSource,
    p100,
    handlers,
    resolvers,
    lifecycle,
    deadLetters,

    /** Sends a command as the gateway does; the same command twice is a redelivery. */
    send<T = any>(command: keyof typeof handlers, payload: Record<string, unknown>): Promise<CommandReply<T>> {
      return dispatcher.dispatch({ type: OnboardingCommands[command].type, payload }) as Promise<CommandReply<T>>;
    },

    /** A user as a row, in any state (the commands before it are not what the test is about). */
    async givenUser(state: { status?: UserStatus; model?: UserModel; poaStatus?: PoaStatus; suspended?: boolean; kycVerificationId?: string } = {}): Promise<string> {
      const externalUserId = uniqueName('user');
      await dataSource.query(
        `INSERT INTO users (external_user_id, p100_user_id, status, model, poa_status, suspended_at, kyc_verification_id, country)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'PL')`,
        [externalUserId, randomUUID(), state.status ?? 'CREATED', state.model ?? 'KYC', state.poaStatus ?? 'NOT_REQUIRED', state.suspended ? new Date() : null, state.kycVerificationId ?? null],
      );
      return externalUserId;
    },

    /** Delivers a webhook through the platform inbox, as UserWebhooksConsumer does; the same eventId is a redelivery. */
    webhook(event: string, payload: Record<string, unknown>, eventId: string = randomUUID()) {
      offset += 1;
      return inbox.consume(
        { topic: 'p100.webhooks.user', partition: 0, offset: String(offset), key: String(payload.externalUserId), headers: { [MessageHeaders.eventId]: eventId, [MessageHeaders.type]: webhookMessageType(event) }, value: payload },
        webhookHandlers,
      );
    },

    /** The events enqueued for the user, in order. */
    async events(externalUserId: string): Promise<Array<{ type: string; payload: Record<string, unknown> }>> {
      const rows: Array<{ event_type: string; payload: Record<string, unknown> }> = await dataSource.query(
        'SELECT event_type, payload FROM outbox WHERE message_key = $1 ORDER BY seq',
        [externalUserId],
      );
      return rows.map((r) => ({ type: r.event_type, payload: r.payload }));
    },

    /** The user's history rows, as `trigger: from → to` lines. */
    async history(externalUserId: string): Promise<string[]> {
      const rows: Array<{ trigger: string; from_status: string; to_status: string; from_poa_status: string; to_poa_status: string }> = await dataSource.query(
        'SELECT trigger, from_status, to_status, from_poa_status, to_poa_status FROM user_status_changes WHERE external_user_id = $1 ORDER BY id',
        [externalUserId],
      );
      return rows.map((r) => `${r.trigger}: ${r.from_status} → ${r.to_status}${r.from_poa_status === r.to_poa_status ? '' : ` (POA ${r.from_poa_status} → ${r.to_poa_status})`}`);
    },

    async drop(): Promise<void> {
      await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await dataSource.destroy();
    },
  };
}
export type OnboardingTestbed = Awaited<ReturnType<typeof onboardingTestbed>>;

export const pngFile = (name: string, content = name) => ({ filename: name, contentType: 'image/png', dataBase64: Buffer.from(`PNG ${content}`).toString('base64') });

import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadSandboxConfig, type SandboxConfig } from '../../src/config/sandbox-config';
import { startSandbox } from '../../src/sandbox';
import { ensureDatabase, TEST_DATABASE_URL } from './test-database';

export const TEST_API_KEY = 'sandbox-test-key';
export const TEST_WEBHOOK_TOKEN = 'sandbox-webhook-token';

export interface TestSandbox {
  app: NestFastifyApplication;
  config: SandboxConfig;
  baseUrl: string;
  /** Calls a P100 path with the partner's API key (unless headers override it). */
  p100(path: string, init?: RequestInit): Promise<Response>;
  /** Calls an /admin path. */
  admin(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/**
 * Boots the real sandbox in-process on a free port, in the given schema, configured through
 * the same environment variables as production (time scale 0.01 unless overridden).
 */
export async function startTestSandbox(schema: string, env: Record<string, string> = {}): Promise<TestSandbox> {
  await ensureDatabase();
  const config = loadSandboxConfig({
    DATABASE_URL: TEST_DATABASE_URL,
    P100_SANDBOX_DB_SCHEMA: schema,
    P100_SANDBOX_API_KEY: TEST_API_KEY,
    P100_SANDBOX_PORT: '0',
    P100_SANDBOX_TIME_SCALE: '0.01',
    // Long: the tests prove that notifications and due times, not polling, drive the workers.
    P100_SANDBOX_POLL_INTERVAL_MS: '60000',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const app = await startSandbox(config);
  const baseUrl = await app.getUrl();
  return {
    app,
    config,
    baseUrl,
    p100: (path, init = {}) =>
      fetch(baseUrl + path, { ...init, headers: { 'x-api-key': TEST_API_KEY, ...(init.headers as Record<string, string>) } }),
    admin: (path, init = {}) => fetch(baseUrl + path, init),
    close: () => app.close(),
  };
}

export const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

let sequence = 0;

/** A valid Create User Account body with unique id, email and phone. */
export function newUserBody(overrides: Record<string, unknown> = {}): Record<string, unknown> & { externalUserId: string } {
  sequence += 1;
  const externalUserId = randomUUID();
  return {
    externalUserId,
    email: `jan.${externalUserId.slice(0, 8)}@example.pl`,
    phone: `48${String(Date.now() % 1e7).padStart(7, '0')}${String(sequence).padStart(2, '0')}`.slice(0, 15),
    firstName: 'Jan',
    lastName: 'Kowalski',
    street: 'ul. Marszałkowska',
    number: '123/5',
    city: 'Warszawa',
    postCode: '00-001',
    country: 'PL',
    citizenship: 'PL',
    nationality: 'PL',
    birthCountry: 'PL',
    birthDate: '1990-05-15',
    userIdentificationNumber: '123456789',
    hasAcceptedP100Tc: true,
    ...overrides,
  } as Record<string, unknown> & { externalUserId: string };
}

/** Creates a user and asserts P100's 201. */
export async function createUser(sandbox: TestSandbox, overrides: Record<string, unknown> = {}) {
  const body = newUserBody(overrides);
  const response = await sandbox.p100('/v1/user/balances/crypto-and-fiat', json(body));
  if (response.status !== 201) throw new Error(`create user answered ${response.status}: ${await response.text()}`);
  const created = (await response.json()) as { userId: string; poaRequiredForExtended: boolean };
  return { ...created, externalUserId: body.externalUserId, email: String(body.email), phone: String(body.phone) };
}

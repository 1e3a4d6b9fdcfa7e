// What each service reads from its environment, taken from the code itself: the keys of its zod
// env schema (apps/<svc>/src/*config*.ts, over libs/platform/config), the P100 client's
// variables (libs/p100-client/src/config.ts) for the services that call P100, and the few
// process.env reads of libs/platform. A variable is required when its schema refuses undefined.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
// The one exception to the module boundaries: this check reads each app's own env schema, so
// that the compose file and the manifests can never name a variable the code does not read.
// deploy/ is test-only and ships nothing; no app or lib may import from deploy/.
/* eslint-disable @nx/enforce-module-boundaries */
import { cardsEnv } from '../../../apps/cards/src/cards.config';
import { gatewayEnv } from '../../../apps/gateway/src/gateway.config';
import { onboardingEnv } from '../../../apps/onboarding-kyc/src/onboarding.config';
import { paymentsEnv } from '../../../apps/payments/src/payments.config';
import { webhookIngestEnv } from '../../../apps/webhook-ingest/src/webhook-ingest.config';
import { sandboxEnv } from '../../../apps/p100-sandbox/src/config/sandbox-config';
/* eslint-enable @nx/enforce-module-boundaries */

export const root = path.resolve(__dirname, '..', '..', '..');

export const SERVICES = ['gateway', 'onboarding-kyc', 'payments', 'cards', 'webhook-ingest', 'p100-sandbox'] as const;
export type ServiceName = (typeof SERVICES)[number];

const SCHEMAS: Record<ServiceName, z.ZodObject> = {
  gateway: gatewayEnv,
  'onboarding-kyc': onboardingEnv,
  payments: paymentsEnv,
  cards: cardsEnv,
  'webhook-ingest': webhookIngestEnv,
  'p100-sandbox': sandboxEnv as unknown as z.ZodObject,
};

/** Services that build their P100 client with p100ConfigFromEnv. */
const P100_CLIENTS: ReadonlySet<ServiceName> = new Set(['onboarding-kyc', 'payments', 'cards']);

/** The variable names a file reads as string literals matching `pattern`. */
function literalNames(file: string, pattern: RegExp): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(pattern)].map((m) => m[1]);
}

const p100ClientVars = () => literalNames('libs/p100-client/src/config.ts', /(?:read|int|num|bool|env)\(?\[?'(P100_[A-Z0-9_]+)'/g);
const libPlatformVars = () => literalNames('libs/platform/kafka/src/topic-namespace.ts', /process\.env\.([A-Z0-9_]+)/g);

export interface ServiceEnvSpec {
  /** Every variable the service reads. */
  reads: Set<string>;
  /** The variables without a default: the start fails without them. */
  required: Set<string>;
  /** The schema's default HTTP port. */
  defaultPort: number;
  /** The variable that sets the HTTP port. */
  portVar: string;
}

export function serviceEnvSpec(service: ServiceName): ServiceEnvSpec {
  const shape = SCHEMAS[service].shape as Record<string, z.ZodType>;
  const reads = new Set(Object.keys(shape));
  const required = new Set(Object.entries(shape).filter(([, s]) => !s.safeParse(undefined).success).map(([k]) => k));
  if (service !== 'p100-sandbox') for (const v of libPlatformVars()) reads.add(v);
  if (P100_CLIENTS.has(service)) {
    for (const v of p100ClientVars()) reads.add(v);
    // p100ConfigFromEnv refuses to start without a key.
    required.add('P100_API_KEY');
  }
  const portVar = service === 'p100-sandbox' ? 'P100_SANDBOX_PORT' : 'PORT';
  const defaultPort = shape[portVar].parse(undefined) as number;
  return { reads, required, defaultPort, portVar };
}

/**
 * Requirements a single schema key cannot express: the gateway needs its clients from one of two
 * variables (readClientsSource), a P100 client needs P100's address (P100_ENVIRONMENT names a
 * known one: p100ConfigFromEnv). Each group: at least one of its variables must be set.
 */
export function requiredOneOf(service: ServiceName): string[][] {
  if (service === 'gateway') return [['GATEWAY_CLIENTS', 'GATEWAY_CLIENTS_FILE']];
  if (P100_CLIENTS.has(service)) return [['P100_BASE_URL', 'P100_ENVIRONMENT']];
  return [];
}

/**
 * Variables whose values are secrets: keys, tokens, the gateway's client list (key digests and
 * scopes) and the database URL (it carries the password). They come from a secret store, never
 * from a file in the repository. KAFKA_KEY_CONCURRENCY is a number, not a key.
 */
export function isSecretVariable(name: string): boolean {
  return /_(KEY|KEYS|TOKEN|TOKEN_PREVIOUS|SECRET|PASSWORD)$/.test(name) || name === 'GATEWAY_CLIENTS' || name === 'DATABASE_URL';
}

import { z } from 'zod';
import { ConfigError, loadConfig, port, serviceEnv, intentReconcileEnv } from '@platform/config';
import { CARD_LIMIT_FIELDS, CARD_LIMIT_MAXIMA_DEFAULTS, TIMEOUT_DEFAULTS, cardLimitValueSchema, timeoutBudgetProblems, type CardLimitField } from '@platform/contracts';
import { p100ConfigFromEnv, P100_DEFAULTS, type P100ClientConfig } from '@platform/p100-client';
import { OneTimeCodeSealer } from '@platform/secrets';

const ms = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** `dailyTrxAll` → `CARDS_LIMIT_MAX_DAILY_TRX_ALL`: the variable that caps one limit. */
export const limitMaximumVariable = (field: CardLimitField) => `CARDS_LIMIT_MAX_${field.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

const maximaShape = Object.fromEntries(CARD_LIMIT_FIELDS.map((f) => [limitMaximumVariable(f), cardLimitValueSchema.default(CARD_LIMIT_MAXIMA_DEFAULTS[f])]));

// Key text: `<id>:<32 bytes base64>[,<id>:<key>...]`, the first seals (libs/platform/secrets).
const sealingKeys = z.string().min(1);

export const cardsEnv = serviceEnv.extend({
  PORT: port(3003),
  /** The gateway's wait for a reply: P100 attempts must fit inside it (docs/timeouts.md). */
  GATEWAY_COMMAND_TIMEOUT_MS: ms(TIMEOUT_DEFAULTS.gatewayCommandMs),
  /** The secure lane's shared secret with the gateway (docs/cards.md). */
  CARDS_LANE_TOKEN: z.string().min(32, 'must be at least 32 characters'),
  /** webhook-ingest's keys: they open the one-time codes as P100's webhooks brought them. */
  P100_CODE_KEYS: sealingKeys,
  /** Ours for the product service that shows codes to card holders: the codes are re-sealed with them. */
  CARDS_SECURE_CODE_KEYS: sealingKeys,
  /** How long a one-time code is worth showing after P100 sent it (expiresAt). */
  CARDS_SECURE_CODE_TTL_MS: ms(300_000),
  /** The intent reconciler (lost Create Virtual Card answers). */
  ...intentReconcileEnv,
  ...maximaShape,
});
export const CARDS_CONFIG = Symbol('CARDS_CONFIG');

export type CardsConfig = z.infer<typeof cardsEnv> & {
  p100: P100ClientConfig;
  /** The upper bound of each limit, as a decimal string (CARDS_LIMIT_MAX_*). */
  limitMaxima: Readonly<Record<CardLimitField, string>>;
};

export function loadCardsConfig(env: NodeJS.ProcessEnv = process.env): CardsConfig {
  const parsed = loadConfig(cardsEnv, env);
  const config: CardsConfig = {
    ...parsed,
    p100: p100ConfigFromEnv(env),
    limitMaxima: Object.fromEntries(CARD_LIMIT_FIELDS.map((f) => [f, (parsed as Record<string, unknown>)[limitMaximumVariable(f)] as string])) as Record<CardLimitField, string>,
  };
  const problems = [
    ...timeoutBudgetProblems({
      gatewayCommandMs: config.GATEWAY_COMMAND_TIMEOUT_MS,
      p100AttemptMs: config.p100.timeoutMs ?? P100_DEFAULTS.timeoutMs,
      reconcilePendingAfterMs: config.INTENT_RECONCILE_PENDING_AFTER_MS,
    }),
    ...keyProblems('P100_CODE_KEYS', config.P100_CODE_KEYS),
    ...keyProblems('CARDS_SECURE_CODE_KEYS', config.CARDS_SECURE_CODE_KEYS),
  ];
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** Unusable keys stop the start, not the first code; the messages never quote key material. */
function keyProblems(variable: string, text: string): string[] {
  try {
    OneTimeCodeSealer.fromConfig(text);
    return [];
  } catch (error) {
    return [`${variable}: ${(error as Error).message}`];
  }
}

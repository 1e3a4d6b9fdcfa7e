import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { P100Error, P100ValidationError } from '../errors/p100-error';
import { parseP100Input } from '../errors/parse-p100-input';
import { CARD_COUNT_LIMITS, CARD_COUNTRIES } from './card-eligibility';
import { DEFAULT_CARD_LIMITS } from './card-limits';
import { createCardRequest } from './card.request';
import { cardNumberOf, cvvOf, hashPin } from './card-secrets';
import { cardCounts, insertCard } from './cards.repository';
import { requireCardUser, requireExtended } from './require-card';

export interface CardSecretsView {
  cardId: string;
  cardNumber: string;
  cvv: string;
  exp: string;
}

/**
 * Create Virtual Card (#50). Checks in order: P403, P412, P459, P455, P431 (residence no longer
 * supported), P451 (not a card country), P461, then the documented count limits (≤ 10 held,
 * ≤ 5 / 24 h, ≤ 10 / 30 days, ≤ 20 / 12 months), whose error code is not documented: P403 with
 * the limit in the message (inferred). Answers 200 `CardSecrets`; only last4 and the PIN's hash
 * are stored.
 */
@Injectable()
export class CreateVirtualCardHandler {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {}

  async execute(body: unknown): Promise<CardSecretsView> {
    const input = parseP100Input(createCardRequest, body);
    const pinHash = await hashPin(input.pin);
    const cardId = randomUUID();
    const exp = expiryIn3Years(new Date());
    await this.dataSource.transaction(async (tx) => {
      const user = await requireCardUser(tx, input.externalUserId, { lock: true });
      if (this.config.forbiddenCountries.has(user.country)) throw new P100Error('P431');
      if (!CARD_COUNTRIES.has(user.country)) throw new P100Error('P451', `Cards are not available to residents of ${user.country}`);
      requireExtended(user);
      const limitProblem = countLimitProblem(await cardCounts(tx, user.id));
      if (limitProblem) throw new P100ValidationError([limitProblem]);
      await insertCard(tx, { id: cardId, userId: user.id, label: input.label, last4: cardNumberOf(cardId).slice(-4), exp, pinHash, limits: DEFAULT_CARD_LIMITS });
    });
    return { cardId, cardNumber: cardNumberOf(cardId), cvv: cvvOf(cardId), exp };
  }
}

function countLimitProblem(counts: Awaited<ReturnType<typeof cardCounts>>): string | undefined {
  if (counts.held >= CARD_COUNT_LIMITS.maxHeld) return `A user can hold at most ${CARD_COUNT_LIMITS.maxHeld} cards`;
  if (counts.lastDay >= CARD_COUNT_LIMITS.createdPerDay) return `At most ${CARD_COUNT_LIMITS.createdPerDay} cards can be created per 24 hours`;
  if (counts.last30Days >= CARD_COUNT_LIMITS.createdPer30Days) return `At most ${CARD_COUNT_LIMITS.createdPer30Days} cards can be created per 30 days`;
  if (counts.lastYear >= CARD_COUNT_LIMITS.createdPerYear) return `At most ${CARD_COUNT_LIMITS.createdPerYear} cards can be created per 12 months`;
  return undefined;
}

/** `MM/YY`, three years ahead (P100's example `01/30`; validity period (inferred)). */
function expiryIn3Years(now: Date): string {
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `${month}/${String((now.getUTCFullYear() + 3) % 100).padStart(2, '0')}`;
}

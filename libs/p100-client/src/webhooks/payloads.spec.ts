import { jsonNumber, parseJsonExact, stringifyJson, toPlainDecimal, WEBHOOK_CATALOG, webhookSpecByEvent } from '@platform/contracts';
import { OPENAPI_WEBHOOK_BY_EVENT } from '@platform/p100-contract';
import {
  card3dsCodeWebhookSchema,
  cardActivationCodeWebhookSchema,
  cryptoDepositWebhookSchema,
  decimalIntegerString,
  decimalString,
  exchangeWebhookSchema,
  ibanStatusWebhookSchema,
  kycFileAddedWebhookSchema,
  orderStatusWebhookSchema,
  partnerSepaTransferWebhookSchema,
  poaVerificationStatusWebhookSchema,
  userSepaTransferWebhookSchema,
  userStatusWebhookSchema,
} from './payloads';
import { readContractWebhookExamples } from './test-support/contract-webhook-examples';
import { PROPOSED_WEBHOOK_EXAMPLES } from './test-support/proposed-webhook-examples';
import { P100_WEBHOOK_SCHEMAS, webhookSchemaFor, type P100WebhookEvent } from './webhook-schemas';

describe('webhook payloads', () => {
  it('parses the user status webhook and keeps fields P100 adds later', () => {
    const parsed = userStatusWebhookSchema.parse({ externalUserId: 'bca65c48', status: 'ACTIVE', balanceId: 'b-1' });
    expect(parsed).toEqual({ externalUserId: 'bca65c48', status: 'ACTIVE', balanceId: 'b-1' });
  });

  it('rejects a user status webhook without externalUserId', () => {
    expect(userStatusWebhookSchema.safeParse({ status: 'ACTIVE' }).success).toBe(false);
  });

  it('accepts ADDED and ERROR for a KYC file and nothing else', () => {
    expect(kycFileAddedWebhookSchema.parse({ externalUserId: 'u', status: 'ERROR' }).status).toBe('ERROR');
    expect(kycFileAddedWebhookSchema.safeParse({ externalUserId: 'u', status: 'ADDED', extra: 1 }).success).toBe(true);
    expect(kycFileAddedWebhookSchema.safeParse({ externalUserId: 'u', status: 'DONE' }).success).toBe(false);
  });
});

describe('payload schemas of the 19 catalog webhooks', () => {
  const contract = readContractWebhookExamples();
  const events = WEBHOOK_CATALOG.map((spec) => spec.event);
  const examplesOf = (event: string): string[] => [
    ...contract.examples(OPENAPI_WEBHOOK_BY_EVENT[event]!),
    ...(PROPOSED_WEBHOOK_EXAMPLES[event] ?? []),
  ];
  const schemaOf = (event: string) => webhookSchemaFor(event)!;
  /** As production decodes a webhook body: every JSON number becomes its exact decimal text. */
  const decode = (text: string) => parseJsonExact(text) as Record<string, unknown>;
  const without = (body: Record<string, unknown>, fields: readonly string[]) =>
    Object.fromEntries(Object.entries(body).filter(([field]) => !fields.includes(field)));

  it('has a schema for every event of the webhook catalog and for nothing else', () => {
    expect(Object.keys(P100_WEBHOOK_SCHEMAS).sort()).toEqual([...events].sort());
    for (const event of events) expect(webhookSchemaFor(event)).toBe(P100_WEBHOOK_SCHEMAS[event as P100WebhookEvent]);
    expect(webhookSchemaFor('not-a-webhook')).toBeUndefined();
    expect(webhookSchemaFor('toString')).toBeUndefined();
  });

  it('finds the example bodies the contract documents (webhooks.md / openapi.yaml)', () => {
    const documented = events.filter((event) => contract.examples(OPENAPI_WEBHOOK_BY_EVENT[event]!).length > 0);
    expect(documented).toEqual(
      expect.arrayContaining(['user-status', 'kyc-file-status', 'internal-transfer', 'partner-sepa-transfer', 'user-sepa-transfer', 'crypto-deposit']),
    );
  });

  describe.each(events)('%s', (event) => {
    const spec = webhookSpecByEvent(event)!;

    it('has at least one example body, and accepts each decoded exactly, keeping fields P100 adds later', () => {
      const examples = examplesOf(event);
      expect(examples.length).toBeGreaterThan(0);
      for (const text of examples) {
        const result = schemaOf(event).safeParse({ ...decode(text), addedByP100Later: 'kept' });
        expect(result.error?.issues).toBeUndefined();
        expect(result.data).toMatchObject({ ...decode(text), addedByP100Later: 'kept' });
      }
    });

    it('rejects a body without the fields that identify the occurrence (catalog key, status)', () => {
      for (const text of examplesOf(event)) {
        expect(schemaOf(event).safeParse(without(decode(text), spec.keyFields)).success).toBe(false);
        if (spec.dedupeFields.includes('status')) expect(schemaOf(event).safeParse(without(decode(text), ['status'])).success).toBe(false);
      }
    });

    it('takes every JSON number as its exact decimal text and refuses a body decoded into JS numbers', () => {
      for (const text of examplesOf(event)) {
        const plain = JSON.parse(text) as Record<string, unknown>;
        const numberFields = Object.keys(plain).filter((field) => typeof plain[field] === 'number');
        const parsed = schemaOf(event).parse(decode(text)) as Record<string, unknown>;
        for (const field of numberFields) expect(parsed[field]).toBe(toPlainDecimal(String(plain[field])));
        if (numberFields.length > 0) expect(schemaOf(event).safeParse(plain).success).toBe(false);
      }
    });

    it('types every field openapi.yaml declares as a number as a decimal string', () => {
      const [first] = examplesOf(event);
      for (const field of contract.numberFields(OPENAPI_WEBHOOK_BY_EVENT[event]!)) {
        expect(schemaOf(event).safeParse({ ...decode(first!), [field]: 1.5 }).success).toBe(false);
        expect(schemaOf(event).safeParse({ ...decode(first!), [field]: '0.000000000000000001' }).success).toBe(true);
      }
    });
  });

  const withAmount = events.filter((event) => examplesOf(event).some((text) => 'amount' in decode(text)));

  it.each(withAmount)('%s keeps an amount with 18 decimals digit for digit', (event) => {
    const example = decode(examplesOf(event).find((text) => 'amount' in decode(text))!);
    const wire = stringifyJson({ ...example, amount: jsonNumber('98765.123456789012345678') });
    expect(wire).toContain('"amount":98765.123456789012345678');
    expect((schemaOf(event).parse(decode(wire)) as { amount: string }).amount).toBe('98765.123456789012345678');
  });

  it('covers the money events with the 18-decimal check', () => {
    expect(withAmount).toEqual(expect.arrayContaining(['internal-transfer', 'crypto-deposit', 'crypto-withdrawal', 'exchange', 'user-sepa-transfer']));
  });
});

describe('webhook payload details the contract pins down', () => {
  it('accepts only plain decimal strings as amounts', () => {
    for (const ok of ['0', '10', '-3.80', '0.000000000000000001']) expect(decimalString.safeParse(ok).success).toBe(true);
    for (const bad of ['1e-7', '', '1.', '.5', ' 1', '0x10', 1.5]) expect(decimalString.safeParse(bad).success).toBe(false);
    expect(decimalIntegerString.safeParse('3').success).toBe(true);
    expect(decimalIntegerString.safeParse('3.5').success).toBe(false);
  });

  it('requires the full record on a SUCCESSFUL SEPA transfer but only the id on a FAILED one', () => {
    expect(userSepaTransferWebhookSchema.safeParse({ id: 't-1', status: 'SUCCESSFUL' }).success).toBe(false);
    expect(userSepaTransferWebhookSchema.safeParse({ id: 't-1', status: 'SUCCESSFUL', amount: '3.8', currency: 'eur' }).success).toBe(true);
    expect(partnerSepaTransferWebhookSchema.safeParse({ id: 't-1', status: 'FAILED' }).success).toBe(true);
    expect(partnerSepaTransferWebhookSchema.safeParse({ id: 't-1', status: 'PENDING' }).success).toBe(false);
  });

  it('accepts the final exchange statuses in any spelling the docs use and nothing else', () => {
    for (const status of ['COMPLETED', 'completed', 'SUCCESSFUL', 'FAILED', 'failed']) {
      expect(exchangeWebhookSchema.safeParse({ id: 'x-1', status }).success).toBe(true);
    }
    expect(exchangeWebhookSchema.safeParse({ id: 'x-1', status: 'PENDING' }).success).toBe(false);
    expect(exchangeWebhookSchema.safeParse({ status: 'COMPLETED' }).success).toBe(false);
  });

  it('takes documented status vocabularies as enums', () => {
    expect(poaVerificationStatusWebhookSchema.safeParse({ externalUserId: 'u', status: 'QUESTIONED' }).success).toBe(true);
    expect(poaVerificationStatusWebhookSchema.safeParse({ externalUserId: 'u', status: 'DONE' }).success).toBe(false);
    expect(ibanStatusWebhookSchema.safeParse({ iban: 'DE89370400440532013000', status: 'ACCEPTED' }).success).toBe(false);
    expect(cryptoDepositWebhookSchema.safeParse({ cryptoDepositId: 'd', amount: '1', currency: 'eth', status: 'PENDING' }).success).toBe(false);
  });

  it('rejects the enveloped crypto deposit body of the FAQ, which contradicts the flat documented one', () => {
    const faq = parseJsonExact('{"event_type":"crypto_deposit.status_changed","data":{"cryptoDepositId":"dep_123","status":"WAITING_FOR_TR_DATA","amount":"0.05","currency":"btc"}}');
    expect(cryptoDepositWebhookSchema.safeParse(faq).success).toBe(false);
  });

  it('keeps confirmation counts as integer strings', () => {
    const order = orderStatusWebhookSchema.parse(parseJsonExact('{"orderId":"o-1","status":"WAITING_FOR_CONFIRMATION","confirmations":3}'));
    expect(order.confirmations).toBe('3');
    expect(orderStatusWebhookSchema.safeParse({ orderId: 'o-1', status: 'WAITING_FOR_CONFIRMATION', confirmations: '2.5' }).success).toBe(false);
  });

  it('keeps a one-time code with leading zeros as text', () => {
    expect(card3dsCodeWebhookSchema.parse({ cardId: 'c-1', code: '004211' }).code).toBe('004211');
    expect(cardActivationCodeWebhookSchema.safeParse({ cardId: 'c-1' }).success).toBe(false);
  });
});

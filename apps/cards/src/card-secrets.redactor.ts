import { WEBHOOK_CATALOG, webhookMessageType } from '@platform/contracts';
import type { P100Payload, P100PayloadRedactor } from '@platform/p100-events';
import { normalise } from '@platform/secrets';

/** What a redacted field holds in `p100_events`: the field stays, so operators see it arrived. */
export const REDACTED = '[redacted]';

/** Events whose whole purpose is a one-time code for the card holder (webhooks.md #18, #19). */
const ONE_TIME_CODE_TYPES = new Set(WEBHOOK_CATALOG.filter((s) => s.oneTimeCode).map((s) => webhookMessageType(s.event)));

/**
 * The fields of a one-time-code event that may be stored. Neither payload is documented: P100's
 * proposed shapes are {externalUserId, cardId, code, merchantName, amount, currency} and
 * {externalUserId, cardId, code}; third-party code reads external_user_id, card_id, code (all
 * (inferred), webhooks.md). So these events are redacted by allow-list: a code under another
 * name (`otp`, `activationCode`) is redacted too instead of being stored in clear.
 */
const ONE_TIME_CODE_EVENT_FIELDS = new Set(['externaluserid', 'cardid', 'merchantname', 'amount', 'currency', 'createdat']);

/** Card data no event may leave in clear, at any depth: PAN, CVV/CVC, PIN (CardSecrets, CreateCardRequest in openapi.yaml). */
const CARD_SECRET_FIELDS = new Set(['pan', 'cardnumber', 'primaryaccountnumber', 'cvv', 'cvv2', 'cvc', 'cvc2', 'securitycode', 'pin', 'pinblock']);

// P100's field names are camelCase, third-party code uses snake_case: `normalise` compares
// them without case or separators.

/** Applied by P100EventsModule to every card event before it is stored; returns a new object. */
export const redactCardSecrets: P100PayloadRedactor = (payload, type) => {
  const withoutCardSecrets = redactSecretFields(payload) as P100Payload;
  if (!ONE_TIME_CODE_TYPES.has(type)) return withoutCardSecrets;
  return Object.fromEntries(
    Object.entries(withoutCardSecrets).map(([field, value]) => [field, ONE_TIME_CODE_EVENT_FIELDS.has(normalise(field)) ? value : REDACTED]),
  );
};

function redactSecretFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecretFields);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([field, inner]) => [field, CARD_SECRET_FIELDS.has(normalise(field)) ? REDACTED : redactSecretFields(inner)]),
  );
}

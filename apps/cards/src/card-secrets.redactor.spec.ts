import { webhookMessageType } from '@platform/contracts';
import { REDACTED, redactCardSecrets } from './card-secrets.redactor';

const THREE_DS_TYPE = webhookMessageType('card-3ds-code');
const ACTIVATION_TYPE = webhookMessageType('card-activation-code');
const TRANSACTION_TYPE = webhookMessageType('card-transaction');

describe('redactCardSecrets', () => {
  it('redacts the one-time code of a 3DS event and keeps the merchant, amount and ids', () => {
    const payload = { externalUserId: 'user-1', cardId: 'card-1', code: '493817', merchantName: 'Coffee', amount: '3.20', currency: 'EUR' };
    expect(redactCardSecrets(payload, THREE_DS_TYPE)).toEqual({ ...payload, code: REDACTED });
  });

  it('redacts the activation code, also under the snake_case names third-party code reads', () => {
    expect(redactCardSecrets({ external_user_id: 'user-1', card_id: 'card-1', code: '333444' }, ACTIVATION_TYPE)).toEqual({
      external_user_id: 'user-1',
      card_id: 'card-1',
      code: REDACTED,
    });
  });

  it('redacts any field of a code event it does not know, so a renamed code is never stored in clear', () => {
    const redacted = redactCardSecrets({ cardId: 'card-1', otp: '111222', activationCode: '555666', details: { code: '777888' } }, ACTIVATION_TYPE);
    expect(redacted).toEqual({ cardId: 'card-1', otp: REDACTED, activationCode: REDACTED, details: REDACTED });
  });

  it('redacts PAN, CVV and PIN at any depth of any card event, and leaves the rest of a transaction as received', () => {
    const payload = {
      cardId: 'card-1',
      transactionId: 'tx-1',
      status: 'SUCCESS',
      code: 'MERCHANT-REF',
      card: { cardNumber: '4111111111111111', CVV: '123', exp: '12/29' },
      attempts: [{ pin: '1234', pan: '4111111111111111' }],
    };
    expect(redactCardSecrets(payload, TRANSACTION_TYPE)).toEqual({
      cardId: 'card-1',
      transactionId: 'tx-1',
      status: 'SUCCESS',
      code: 'MERCHANT-REF',
      card: { cardNumber: REDACTED, CVV: REDACTED, exp: '12/29' },
      attempts: [{ pin: REDACTED, pan: REDACTED }],
    });
  });

  it('leaves the received payload untouched', () => {
    const payload = { cardId: 'card-1', code: '493817', card: { cvv: '123' } };
    redactCardSecrets(payload, THREE_DS_TYPE);
    expect(payload).toEqual({ cardId: 'card-1', code: '493817', card: { cvv: '123' } });
  });
});

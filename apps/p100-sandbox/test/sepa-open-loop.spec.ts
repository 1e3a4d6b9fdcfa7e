import { json } from './support/test-sandbox';
import { createActiveUser, credit, settled, userBalance } from './money-fixtures';
import { useTestSandbox } from './support/sandbox-fixture';

/** Never whitelisted: no deposit ever came from it. */
const THIRD_PARTY_IBAN = 'DE89370400440532013000';

describe('SEPA transfers of a Level 2 (open loop) partner', () => {
  const { sandbox } = useTestSandbox({ env: { P100_SANDBOX_SEPA_LEVEL: '2' } });

  const transfer = (body: Record<string, unknown>) =>
    sandbox.p100('/v1/sepa-transfer', json({ amount: '20', currency: 'eur', destinationIban: THIRD_PARTY_IBAN, transferTitle: 'Invoice 7', ...body }));

  it('requires the receiver: receiverType, then first and last name (NATURAL) or company name (LEGAL)', async () => {
    const { externalUserId } = await createActiveUser(sandbox);
    expect(await (await transfer({ sourceExternalUserId: externalUserId })).json()).toEqual({
      errorCode: 'P403',
      errorMessage: 'receiverType should not be empty.',
    });
    expect(await (await transfer({ sourceExternalUserId: externalUserId, receiverType: 'NATURAL', receiverFirstName: 'Anna' })).json()).toEqual({
      errorCode: 'P403',
      errorMessage: 'receiverLastName should not be empty.',
    });
    expect(await (await transfer({ sourceExternalUserId: externalUserId, receiverType: 'LEGAL' })).json()).toEqual({
      errorCode: 'P403',
      errorMessage: 'companyName should not be empty.',
    });
  });

  it('pays a third party that never sent a deposit, with the receiver on the record', async () => {
    const { externalUserId } = await createActiveUser(sandbox);
    await credit(sandbox, { externalUserId }, 'eur', '30');
    const response = await transfer({ sourceExternalUserId: externalUserId, receiverType: 'NATURAL', receiverFirstName: 'Anna', receiverLastName: 'Nowak' });
    expect(response.status).toBe(200);
    const { transferId } = await response.json();
    expect(await settled(sandbox, `/v1/sepa-transfer/details/${transferId}`)).toMatchObject({
      status: 'SUCCESSFUL',
      destinationIban: THIRD_PARTY_IBAN,
      receiverFirstName: 'Anna',
      receiverLastName: 'Nowak',
      fee: '1',
    });
    expect(await userBalance(sandbox, externalUserId, 'eur')).toBe('9.00');
  });
});

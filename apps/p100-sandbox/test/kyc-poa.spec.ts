import { createUser, json } from './support/test-sandbox';
import { eventually } from './support/webhook-receiver';
import { useTestSandbox } from './support/sandbox-fixture';
import { setKycDecision, userState } from './support/sandbox-admin';

const POA_STATUS = '/webhook/poa-verification/status';

describe('Add POA File and the proof-of-address review', () => {
  const { sandbox, receiver } = useTestSandbox({
    webhooks: true,
    env: {
      // 300 ms of review after scaling: long enough to observe the pending state.
      P100_SANDBOX_KYC_DECISION_DELAY_MS: '30000',
    },
  });

  const userStatus = async (externalUserId: string) => (await userState(sandbox, externalUserId)).status;

  function upload(externalUserId: string, files: Array<{ name: string; type: string; bytes: number }> = [{ name: 'bill.pdf', type: 'application/pdf', bytes: 2048 }]) {
    const form = new FormData();
    for (const file of files) form.append('files', new Blob([new Uint8Array(file.bytes).fill(37)], { type: file.type }), file.name);
    return sandbox.p100(`/v1/user/poa-files/${externalUserId}`, { method: 'POST', body: form });
  }

  /** A user the KYC decision classed as high risk: POA_REQUIRED, no balances. */
  async function highRiskUser() {
    const user = await createUser(sandbox);
    await setKycDecision(sandbox, user.externalUserId, 'poa_required');
    await sandbox.p100('/v1/user/verification', json({ externalUserId: user.externalUserId }));
    await receiver.waitFor('/webhook/high-risk-kyc/status', user.externalUserId);
    return user;
  }

  it('completes the KYC of a high-risk user once the proof of address is approved', async () => {
    const { externalUserId } = await highRiskUser();
    await setKycDecision(sandbox, externalUserId, 'approve');

    const response = await upload(externalUserId);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({});

    const pending = await upload(externalUserId);
    expect(pending.status).toBe(202);
    expect(await pending.json()).toMatchObject({ errorCode: 'P211' });

    const webhooks = await receiver.waitFor(POA_STATUS, externalUserId, 2);
    expect(webhooks.map((w) => w.body)).toEqual([
      { externalUserId, status: 'WAITING' },
      { externalUserId, status: 'APPROVED' },
    ]);
    const [active] = await receiver.waitFor('/webhook/user/status', externalUserId);
    expect(active!.body).toEqual({ externalUserId, status: 'ACTIVE' });
    expect(await userStatus(externalUserId)).toBe('ACTIVE');

    const again = await upload(externalUserId);
    expect(await again.json()).toMatchObject({ errorCode: 'P447' });
  });

  it('asks for a new document (QUESTIONED) while the decision is still poa_required, and reports REJECTED on reject', async () => {
    const { externalUserId } = await highRiskUser();
    await upload(externalUserId);
    await eventually(async () => (receiver.matching(POA_STATUS, externalUserId).length >= 2 ? true : undefined), 5_000, 'POA review');
    expect(receiver.matching(POA_STATUS, externalUserId)[1]!.body).toEqual({ externalUserId, status: 'QUESTIONED' });

    await setKycDecision(sandbox, externalUserId, 'reject');
    expect((await upload(externalUserId)).status).toBe(201);
    const webhooks = await receiver.waitFor(POA_STATUS, externalUserId, 4);
    expect(webhooks[3]!.body).toEqual({ externalUserId, status: 'REJECTED' });
    expect(await userStatus(externalUserId)).toBe('POA_REQUIRED');
  });

  it('lets a user of a POA country be extended after an approved POA, and then get a card', async () => {
    const { externalUserId } = await createUser(sandbox, { country: 'UA' });
    await sandbox.p100('/v1/user/verification', json({ externalUserId }));
    await receiver.waitFor('/webhook/user/status', externalUserId);
    expect((await upload(externalUserId)).status).toBe(201);
    await receiver.waitFor(POA_STATUS, externalUserId, 2);

    expect((await sandbox.p100('/v1/user/extend', json({ externalUserId }))).status).toBe(201);
    const card = await sandbox.p100('/v1/card/virtual', json({ externalUserId, label: 'Kyiv card', pin: '4321' }));
    expect(card.status).toBe(200);
  });

  it('answers P460 when no proof of address is asked of the user, P426, P440, P403 and P412', async () => {
    const { externalUserId } = await createUser(sandbox);
    const notAsked = await upload(externalUserId);
    expect(notAsked.status).toBe(404);
    expect(await notAsked.json()).toMatchObject({ errorCode: 'P460', errorName: 'poa-not-found' });

    const { externalUserId: highRisk } = await highRiskUser();
    expect(await (await upload(highRisk, [{ name: 'bill.gif', type: 'image/gif', bytes: 10 }])).json()).toMatchObject({ errorCode: 'P426' });
    expect(await (await upload(highRisk, [{ name: 'big.pdf', type: 'application/pdf', bytes: 5 * 1024 * 1024 + 1 }])).json()).toMatchObject({ errorCode: 'P440' });
    const four = Array.from({ length: 4 }, (_, i) => ({ name: `p${i}.pdf`, type: 'application/pdf', bytes: 10 }));
    expect(await (await upload(highRisk, four)).json()).toMatchObject({ errorCode: 'P403' });
    expect(await (await upload('nobody')).json()).toMatchObject({ errorCode: 'P412' });
  });
});

import { readContract } from './openapi-document';
import { openapiWebhookNameForPath, webhookNamePairingProblems } from './webhook-names';

describe('webhook names', () => {
  it('pairs each of the 19 catalog events with one openapi.yaml webhook', () => {
    expect(webhookNamePairingProblems(readContract().webhooks.map((w) => w.name))).toEqual([]);
  });

  it('reports an openapi webhook nobody paired', () => {
    const names = [...readContract().webhooks.map((w) => w.name), 'payout'];
    expect(webhookNamePairingProblems(names)).toEqual(['openapi.yaml webhook payout is paired with no catalog event']);
  });

  it('names the webhook of a delivery path', () => {
    expect(openapiWebhookNameForPath('/webhook/user/status')).toBe('userBalanceGeneration');
    expect(openapiWebhookNameForPath('/transfer-webhook')).toBe('internalTransfer');
    expect(openapiWebhookNameForPath('/elsewhere')).toBeUndefined();
  });
});

import { WEBHOOK_CATALOG, webhookSpecByEvent } from '@platform/contracts';

/**
 * Our webhook catalog (libs/contracts) names the 19 events in kebab case after the path P100
 * delivers them to; openapi.yaml keys the same 19 events by its own camelCase names, and a few
 * differ in wording (P100's "User Balance Generation" is delivered to /webhook/user/status). This
 * is the one place that pairs them; `webhookNamePairingProblems` proves it pairs every event of
 * both lists exactly once, so a renamed or added event cannot slip through the coverage report.
 */
export const OPENAPI_WEBHOOK_BY_EVENT: Readonly<Record<string, string>> = {
  'user-status': 'userBalanceGeneration',
  'kyc-file-status': 'kycFileAdded',
  'poa-verification-status': 'poaVerificationStatus',
  'kyc-verification-status': 'kycVerificationStatus',
  'high-risk-kyc-verification': 'highRiskKycVerification',
  'wallet-created': 'createWallet',
  'internal-transfer': 'internalTransfer',
  'iban-status': 'ibanStatus',
  'partner-sepa-transfer': 'partnerSepaTransfer',
  'user-sepa-transfer': 'userSepaTransfer',
  'sepa-deposit': 'sepaDeposit',
  'crypto-withdrawal': 'cryptoWithdrawal',
  'crypto-deposit': 'cryptoDeposit',
  exchange: 'exchange',
  'card-transaction': 'cardTransaction',
  'order-status': 'orderStatus',
  'payment-link': 'paymentLink',
  'card-3ds-code': 'card3dsCode',
  'card-activation-code': 'cardActivationCode',
};

/** The openapi.yaml webhook name for a catalog event or an openapi name; undefined when unknown. */
export function openapiWebhookName(eventOrName: string): string | undefined {
  if (Object.hasOwn(OPENAPI_WEBHOOK_BY_EVENT, eventOrName)) return OPENAPI_WEBHOOK_BY_EVENT[eventOrName];
  return Object.values(OPENAPI_WEBHOOK_BY_EVENT).includes(eventOrName) ? eventOrName : undefined;
}

/** The openapi.yaml webhook name of a delivery to `path` on our side (catalog paths). */
export function openapiWebhookNameForPath(path: string): string | undefined {
  const spec = WEBHOOK_CATALOG.find((s) => s.path === path.split('?')[0]);
  return spec ? OPENAPI_WEBHOOK_BY_EVENT[spec.event] : undefined;
}

export function catalogEventOf(openapiName: string): string | undefined {
  return Object.entries(OPENAPI_WEBHOOK_BY_EVENT).find(([, name]) => name === openapiName)?.[0];
}

/** Everything that keeps the pairing from being one-to-one over both lists. */
export function webhookNamePairingProblems(openapiNames: readonly string[]): string[] {
  const problems: string[] = [];
  for (const spec of WEBHOOK_CATALOG) {
    if (!OPENAPI_WEBHOOK_BY_EVENT[spec.event]) problems.push(`catalog event ${spec.event} has no openapi.yaml webhook name`);
  }
  for (const event of Object.keys(OPENAPI_WEBHOOK_BY_EVENT)) {
    if (!webhookSpecByEvent(event)) problems.push(`${event} is not an event of the webhook catalog`);
  }
  const paired = Object.values(OPENAPI_WEBHOOK_BY_EVENT);
  for (const name of openapiNames) if (!paired.includes(name)) problems.push(`openapi.yaml webhook ${name} is paired with no catalog event`);
  for (const name of paired) if (!openapiNames.includes(name)) problems.push(`${name} is not a webhook of openapi.yaml`);
  if (new Set(paired).size !== paired.length) problems.push('two catalog events are paired with the same openapi.yaml webhook');
  return problems;
}

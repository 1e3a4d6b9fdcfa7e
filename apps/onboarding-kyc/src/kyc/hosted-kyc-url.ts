import { OPERATIONS, type P100ClientConfig } from '@platform/p100-client';

/**
 * Where the end user's browser goes for a hosted KYC session: P100's Redirect to Verification
 * page (a loading page that forwards to the KYC provider). It is opened by the browser, not by
 * us, so it is built from the client's base URL (and a configured path override, if any).
 */
export function hostedKycUrl(config: P100ClientConfig, externalUserId: string, verificationId: string): string {
  const template = config.paths?.redirectToVerification ?? OPERATIONS.redirectToVerification.path;
  const path = template
    .replace('{externalUserId}', encodeURIComponent(externalUserId))
    .replace('{verificationId}', encodeURIComponent(verificationId));
  return `${config.baseUrl.replace(/\/+$/, '')}${path}`;
}

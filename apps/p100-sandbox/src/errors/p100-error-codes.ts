/**
 * Every P100 code the sandbox answers with (errors-and-limits.md, all 28). The HTTP status is
 * P100's, which is 400 for most failures (even P500/P501), 404 for a few "not found" and 202 for
 * "already in progress". Where the docs show no `errorName`, the slug below is (inferred) from
 * the label in the same style. P451 and P455 come from client code only (inferred, HTTP 400).
 */
export const P100_ERROR_CODES = {
  P211: { httpStatus: 202, errorName: 'poa-pending', errorMessage: 'POA pending' },
  P212: { httpStatus: 202, errorName: 'kyc-verification-pending', errorMessage: 'KYC verification pending' },
  P410: { httpStatus: 400, errorName: 'invalid-currency', errorMessage: 'Currency not found' },
  P411: { httpStatus: 400, errorName: 'user-exists', errorMessage: 'User already exists' },
  P412: { httpStatus: 400, errorName: 'invalid-user', errorMessage: 'User does not exist' },
  P418: { httpStatus: 400, errorName: 'partner-not-found', errorMessage: 'Partner not found' },
  P424: { httpStatus: 400, errorName: 'source-or-destination-required', errorMessage: 'Source or destination must be provided' },
  P426: { httpStatus: 400, errorName: 'invalid-file-type', errorMessage: 'Invalid file type' },
  P428: { httpStatus: 404, errorName: 'sepa-transfer-not-found', errorMessage: 'Sepa transfer not found' },
  P431: { httpStatus: 400, errorName: 'forbidden-country', errorMessage: 'Forbidden country' },
  P433: { httpStatus: 400, errorName: 'insufficient-funds', errorMessage: 'Insufficient funds' },
  P434: { httpStatus: 400, errorName: 'invalid-card', errorMessage: 'Card not exist' },
  P440: { httpStatus: 400, errorName: 'file-too-large', errorMessage: 'File too large' },
  P445: { httpStatus: 404, errorName: 'kyc-not-found', errorMessage: 'KYC not found' },
  P447: { httpStatus: 400, errorName: 'poa-already-verified', errorMessage: 'POA already verified' },
  P450: { httpStatus: 400, errorName: 'kyc-already-verified', errorMessage: 'KYC already verified' },
  P451: { httpStatus: 400, errorName: 'forbidden-country-card', errorMessage: 'Forbidden country for card' },
  P453: { httpStatus: 400, errorName: 'too-many-kyc-attempts', errorMessage: 'Too many KYC verification attempts' },
  P454: { httpStatus: 400, errorName: 'suspension-not-possible', errorMessage: 'Suspension is not possible due to active cards' },
  P455: { httpStatus: 400, errorName: 'user-suspended', errorMessage: 'User suspended' },
  P459: { httpStatus: 400, errorName: 'user-not-verified', errorMessage: 'User not verified' },
  P460: { httpStatus: 404, errorName: 'poa-not-found', errorMessage: 'POA verification not found' },
  P461: { httpStatus: 400, errorName: 'user-not-extended', errorMessage: 'User not extended' },
  P464: { httpStatus: 400, errorName: 'user-phone-exists', errorMessage: 'User exists with this phone' },
  P465: { httpStatus: 400, errorName: 'user-email-exists', errorMessage: 'User exists with this email' },
  P500: { httpStatus: 400, errorName: 'unknown-exception', errorMessage: 'Unknown exception' },
  P501: { httpStatus: 400, errorName: 'service-unavailable', errorMessage: 'Service temporarily unavailable' },
} as const satisfies Record<string, { httpStatus: number; errorName: string; errorMessage: string }>;

export type P100ErrorCode = keyof typeof P100_ERROR_CODES;

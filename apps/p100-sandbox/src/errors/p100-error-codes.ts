/**
 * The P100 codes the sandbox answers with (errors-and-limits.md). The HTTP status is P100's,
 * which is 400 for most failures (even P500/P501) and 202 for "already in progress". Where the
 * docs show no `errorName`, the slug below is (inferred) from the label in the same style.
 */
export const P100_ERROR_CODES = {
  P212: { httpStatus: 202, errorName: 'kyc-verification-pending', errorMessage: 'KYC verification pending' },
  P411: { httpStatus: 400, errorName: 'user-exists', errorMessage: 'User already exists' },
  P412: { httpStatus: 400, errorName: 'invalid-user', errorMessage: 'User does not exist' },
  P426: { httpStatus: 400, errorName: 'invalid-file-type', errorMessage: 'Invalid file type' },
  P431: { httpStatus: 400, errorName: 'forbidden-country', errorMessage: 'Forbidden country' },
  P440: { httpStatus: 400, errorName: 'file-too-large', errorMessage: 'File too large' },
  P450: { httpStatus: 400, errorName: 'kyc-already-verified', errorMessage: 'KYC already verified' },
  P453: { httpStatus: 400, errorName: 'too-many-kyc-attempts', errorMessage: 'Too many KYC verification attempts' },
  P464: { httpStatus: 400, errorName: 'user-phone-exists', errorMessage: 'User exists with this phone' },
  P465: { httpStatus: 400, errorName: 'user-email-exists', errorMessage: 'User exists with this email' },
  P500: { httpStatus: 400, errorName: 'unknown-exception', errorMessage: 'Unknown exception' },
  P501: { httpStatus: 400, errorName: 'service-unavailable', errorMessage: 'Service temporarily unavailable' },
} as const satisfies Record<string, { httpStatus: number; errorName: string; errorMessage: string }>;

export type P100ErrorCode = keyof typeof P100_ERROR_CODES;

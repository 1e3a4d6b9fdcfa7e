/**
 * The `error` object of a failed money operation (`{description, status}`, as the Internal
 * Transfer webhook shows). The status slug reuses P433's errorName (inferred).
 */
export const INSUFFICIENT_FUNDS = { description: 'Insufficient funds', status: 'insufficient-funds' } as const;

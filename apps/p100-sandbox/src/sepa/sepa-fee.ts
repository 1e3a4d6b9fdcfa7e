import { max, mulRound } from '../money/decimal';

/** Fees page: SEPA transfer (out) costs 0.1 % of the amount, at least €1.00 (€500 → €1.00, €2,000 → €2.00). */
const RATE = '0.001';
const MINIMUM = '1';

/** The fee of an outgoing SEPA transfer, rounded half-up to the cent. */
export function sepaTransferFee(amount: string): string {
  return max(mulRound(amount, RATE, 2, 'half-up'), MINIMUM);
}

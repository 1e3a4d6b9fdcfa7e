import { z } from 'zod';
import { isValidIban } from '../balances/iban';
import { FIAT_CURRENCY } from '../ledger/currency-catalog';
import { amountField } from '../money/amount-schema';
import { checkAmountPrecision, requiredText } from './request-fields';

export const iban = z
  .string()
  .transform((v) => v.replace(/\s+/g, '').toUpperCase())
  .refine(isValidIban, 'must be a valid IBAN');

const RECEIVER_FIELDS = ['receiverType', 'receiverFirstName', 'receiverLastName', 'companyName'] as const;

const transferFields = {
  amount: amountField,
  currency: z
    .string()
    .transform((v) => v.toLowerCase())
    .refine((v) => v === FIAT_CURRENCY.slug, `must be one of the following values: ${FIAT_CURRENCY.slug}`),
  destinationIban: iban,
  transferTitle: requiredText(140),
  receiverType: z.enum(['NATURAL', 'LEGAL'], { error: 'must be one of the following values: NATURAL, LEGAL' }).optional(),
  receiverFirstName: requiredText().optional(),
  receiverLastName: requiredText().optional(),
  companyName: requiredText().optional(),
};

/**
 * Create a SEPA Transfer (endpoints.md #10 / #42): the body depends on the partner's integration
 * level. Level 1 (closed loop) must not send receiver fields; Level 2 (open loop) must name the
 * receiver: NATURAL → first and last name, LEGAL → company name. The amount is a string in the
 * new docs and a number in the old ones: both are read exactly (`exactJsonBody`).
 */
function withLevelRules<T extends z.ZodRawShape>(shape: T, level: 1 | 2) {
  return z.object(shape).superRefine((body: Record<string, unknown>, ctx) => {
    checkAmountPrecision(ctx, body.amount, FIAT_CURRENCY.slug);
    if (level === 1) {
      for (const field of RECEIVER_FIELDS) {
        if (body[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'should not exist' });
      }
      return;
    }
    if (body.receiverType === undefined) ctx.addIssue({ code: 'custom', path: ['receiverType'], message: 'should not be empty' });
    const required = body.receiverType === 'NATURAL' ? ['receiverFirstName', 'receiverLastName'] : body.receiverType === 'LEGAL' ? ['companyName'] : [];
    for (const field of required) {
      if (body[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'should not be empty' });
    }
  });
}

export const partnerSepaTransferRequest = (level: 1 | 2) => withLevelRules(transferFields, level);

export const userSepaTransferRequest = (level: 1 | 2) =>
  withLevelRules({ sourceExternalUserId: requiredText(), ...transferFields }, level);

export type SepaTransferInput = z.output<ReturnType<typeof partnerSepaTransferRequest>> & { sourceExternalUserId?: string };

export interface TransferIdResponse {
  transferId: string;
}

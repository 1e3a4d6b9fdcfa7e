import { z } from 'zod';

/**
 * Field schemas shared by the webhook payloads. We decode P100 webhook JSON exactly
 * (`parseJsonExact`, docs/decisions/0004): every JSON number arrives as its decimal text, so a
 * field P100 sends as a number is a string here, and a JS number means the body was decoded with
 * plain JSON.parse and may already have lost digits; it is rejected rather than trusted.
 */

/** An amount, fee or rate: a plain decimal such as "0.001" or "-12.50" (no exponent, no float). */
export const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a plain decimal string');

/** A counter such as `confirmations`: a non-negative decimal integer string such as "3". */
export const decimalIntegerString = z.string().regex(/^\d+$/, 'must be a decimal integer string');

/** An identifier P100 sends (user, transfer, deposit, card...); only non-empty is asserted. */
export const idString = z.string().min(1);

/** A non-empty status word; enums are used instead wherever the contract documents the values. */
export const statusString = z.string().min(1);

/** `createdAt` and similar (contract: `format: date-time`; P100's examples are UTC `...Z`). */
export const timestamp = z.iso.datetime({ offset: true });

/**
 * The failure object P100 attaches to a FAILED movement: `{description, status}` on Internal
 * Transfer (documented); the same shape on the other money events is inferred, so both fields are
 * optional and anything else is kept.
 */
export const webhookError = z.looseObject({ description: z.string().optional(), status: z.string().optional() }).nullable().optional();

import { CARD_OPERATIONS } from '../cards/cards.operations';
import { PARTNER_PAYMENT_OPERATIONS } from '../payments/partner-payments.operations';
import { PAYMENT_OPERATIONS } from '../payments/payments.operations';
import { PARTNER_ACCOUNT_OPERATIONS } from '../payments/partner-account.operations';
import { RECONCILIATION_OPERATIONS } from '../payments/reconciliation.operations';
import { USER_OPERATIONS } from '../users/users.operations';
import type { AnyOperation } from './operation';

/** Every operation the gateway serves, REST and gRPC alike (one file of entries per domain). */
export const OPERATIONS: readonly AnyOperation[] = [...USER_OPERATIONS, ...CARD_OPERATIONS, ...PAYMENT_OPERATIONS, ...PARTNER_PAYMENT_OPERATIONS, ...PARTNER_ACCOUNT_OPERATIONS, ...RECONCILIATION_OPERATIONS];

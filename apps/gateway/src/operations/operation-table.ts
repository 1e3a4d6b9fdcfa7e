import { PAYMENT_OPERATIONS } from '../payments/payments.operations';
import { USER_OPERATIONS } from '../users/users.operations';
import type { AnyOperation } from './operation';

/**
 * Every operation the gateway serves, REST and gRPC alike. Cards and partner operations join
 * here as their domains are built (one file of entries per domain).
 */
export const OPERATIONS: readonly AnyOperation[] = [...USER_OPERATIONS, ...PAYMENT_OPERATIONS];

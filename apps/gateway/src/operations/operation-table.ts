import { USER_OPERATIONS } from '../users/users.operations';
import type { AnyOperation } from './operation';

/**
 * Every operation the gateway serves, REST and gRPC alike. Payments, cards and partner
 * operations join here as their domains are built (one file of entries per domain).
 */
export const OPERATIONS: readonly AnyOperation[] = [...USER_OPERATIONS];

import { CreateSandboxTables1764100000000 } from './migrations/1764100000000-create-sandbox-tables.migration';
import { AddUserSuspension1764150000000 } from './migrations/1764150000000-add-user-suspension.migration';

/**
 * Every migration of the sandbox schema, oldest first. Each feature area owns its migration
 * (timestamps: 17642… money core, 17643… SEPA/crypto/orders, 17644… users/KYC/cards/faults).
 */
export const SANDBOX_MIGRATIONS = [CreateSandboxTables1764100000000, AddUserSuspension1764150000000];

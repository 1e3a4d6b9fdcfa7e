import { CreateSandboxTables1764100000000 } from './migrations/1764100000000-create-sandbox-tables.migration';
import { AddUserSuspension1764150000000 } from './migrations/1764150000000-add-user-suspension.migration';
import { CreateLedgerTables1764200000000 } from './migrations/1764200000000-create-ledger-tables.migration';
import { CreateMoneyOperations1764210000000 } from './migrations/1764210000000-create-money-operations.migration';
import { CreateSepaCryptoOrderTables1764300000000 } from './migrations/1764300000000-create-sepa-crypto-order-tables.migration';
import { CreateUsersKycCardsFaults1764400000000 } from './migrations/1764400000000-create-users-kyc-cards-faults.migration';
import { NotifyDueWork1764500000000 } from './migrations/1764500000000-notify-due-work.migration';
import { CreateWebhookDrops1764600000000 } from './migrations/1764600000000-create-webhook-drops.migration';

/**
 * Every migration of the sandbox schema, oldest first. Each feature area owns its migration
 * (timestamps: 17642… money core, 17643… SEPA/crypto/orders, 17644… users/KYC/cards/faults,
 * 17645… worker wake-ups, 17646… webhook drops).
 */
export const SANDBOX_MIGRATIONS = [CreateSandboxTables1764100000000, AddUserSuspension1764150000000, CreateLedgerTables1764200000000,
  CreateMoneyOperations1764210000000, CreateSepaCryptoOrderTables1764300000000, CreateUsersKycCardsFaults1764400000000,
  NotifyDueWork1764500000000, CreateWebhookDrops1764600000000];

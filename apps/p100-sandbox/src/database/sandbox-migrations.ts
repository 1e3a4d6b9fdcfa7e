import { CreateSandboxTables1764100000000 } from './migrations/1764100000000-create-sandbox-tables.migration';

/** Every migration of the sandbox schema, oldest first. */
export const SANDBOX_MIGRATIONS = [CreateSandboxTables1764100000000];

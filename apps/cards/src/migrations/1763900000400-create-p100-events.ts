import { createP100EventsMigration } from '@platform/p100-events';

// Name and timestamp are the ones databases already recorded as applied: never change them.
// Card payloads are stored only after redactCardSecrets (see app.module.ts).
export const CreateP100Events1763900000400 = createP100EventsMigration(1763900000400);

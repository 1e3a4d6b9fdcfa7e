import { createP100EventsMigration } from '@platform/p100-events';

// Name and timestamp are the ones databases already recorded as applied: never change them.
export const CreateP100Events1763900000300 = createP100EventsMigration(1763900000300);

import type { DataSource } from 'typeorm';
import { createDataSource, runMigrations } from '@platform/database';
import { testEnv, uniqueName } from '@platform/testing';
import { ONBOARDING_MIGRATIONS } from '../src/app.module';

describe('migration 1764900000000 (the user lifecycle) on real Postgres', () => {
  const schema = uniqueName('t_onb_migration').toLowerCase();
  const open = (migrations: typeof ONBOARDING_MIGRATIONS) => createDataSource({ url: testEnv().databaseUrl, schema, migrations, poolSize: 2 });
  let before: DataSource;
  let after: DataSource;

  beforeAll(async () => {
    before = open(ONBOARDING_MIGRATIONS.slice(0, -1));
    await before.initialize();
    await runMigrations(before, schema);
    await before.query(
      `INSERT INTO users (external_user_id, p100_user_id, status, poa_required, country, activated_at) VALUES
         ('old-poa', 'p-1', 'CREATED', true, 'UA', NULL),
         ('old-active', 'p-2', 'ACTIVE', false, 'PL', now()),
         ('old-creating', NULL, 'CREATING', false, 'PL', NULL)`,
    );
    after = open(ONBOARDING_MIGRATIONS);
    await after.initialize();
    await runMigrations(after, schema);
  });

  afterAll(async () => {
    await after?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await Promise.all([before?.destroy(), after?.destroy()]);
  });

  it('keeps existing rows valid: KYC users, poa_required carried into poa_status, nothing suspended or deleted', async () => {
    const rows = await after.query('SELECT external_user_id, status, model, poa_status, kyc_verification_id, suspended_at, deleted_at, command_seq FROM users ORDER BY external_user_id');
    expect(rows).toEqual([
      { external_user_id: 'old-active', status: 'ACTIVE', model: 'KYC', poa_status: 'NOT_REQUIRED', kyc_verification_id: null, suspended_at: null, deleted_at: null, command_seq: 0 },
      { external_user_id: 'old-creating', status: 'CREATING', model: 'KYC', poa_status: 'NOT_REQUIRED', kyc_verification_id: null, suspended_at: null, deleted_at: null, command_seq: 0 },
      { external_user_id: 'old-poa', status: 'CREATED', model: 'KYC', poa_status: 'REQUIRED', kyc_verification_id: null, suspended_at: null, deleted_at: null, command_seq: 0 },
    ]);
    expect(await after.query('SELECT count(*)::int AS n FROM user_status_changes')).toEqual([{ n: 0 }]);
  });

  it('refuses a second change from the same cause and trigger', async () => {
    const row = [`'old-poa'`, `'poaWaiting'`, `'webhook'`, `'evt-1'`, `'CREATED'`, `'CREATED'`, `'REQUIRED'`, `'WAITING'`, 'false'].join(', ');
    const insert = `INSERT INTO user_status_changes (external_user_id, trigger, source, cause, from_status, to_status, from_poa_status, to_poa_status, suspended) VALUES (${row})`;
    await after.query(insert);
    await expect(after.query(insert)).rejects.toThrow(/duplicate key/);
  });

  it('reverts to the old columns, poa_required from poa_status', async () => {
    await after.query(`UPDATE users SET poa_status = 'APPROVED' WHERE external_user_id = 'old-active'`);
    await after.undoLastMigration();
    const rows = await after.query('SELECT external_user_id, poa_required FROM users ORDER BY external_user_id');
    expect(rows).toEqual([
      { external_user_id: 'old-active', poa_required: true },
      { external_user_id: 'old-creating', poa_required: false },
      { external_user_id: 'old-poa', poa_required: true },
    ]);
  });
});

import { testEnv, uniqueName } from '@platform/testing';
import { createDataSource } from './data-source.factory';

/**
 * Regression (issue 8, finding 5): TypeORM's own logger printed every parameter of a failed
 * query, one-time codes and e-mail addresses included.
 */
describe('failed queries in the log (real Postgres)', () => {
  const lines: string[] = [];
  const schema = uniqueName('t_log').toLowerCase();
  const dataSource = createDataSource({ url: testEnv().databaseUrl, schema, logSink: { error: (m) => lines.push(m), warn: (m) => lines.push(m) } });

  beforeAll(async () => {
    await dataSource.initialize();
    await dataSource.query(`CREATE SCHEMA "${schema}"`);
    await dataSource.query(`CREATE TABLE "${schema}".contacts (email text PRIMARY KEY, code int)`);
    await dataSource.query(`INSERT INTO "${schema}".contacts (email, code) VALUES ('jan@example.com', 1)`);
  });
  afterAll(async () => {
    await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await dataSource.destroy();
  });

  it('logs the statement and the error code, never the values, the detail or a quoted value', async () => {
    await expect(dataSource.query(`INSERT INTO "${schema}".contacts (email, code) VALUES ($1, $2)`, ['jan@example.com', 7])).rejects.toThrow();
    await expect(dataSource.query(`INSERT INTO "${schema}".contacts (email, code) VALUES ($1, $2)`, ['eva@example.com', 'otp-493817'])).rejects.toThrow();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('23505');
    expect(lines[1]).toContain('22P02');
    expect(lines.join('\n')).toContain('VALUES ($1, $2)');
    for (const secret of ['jan@example.com', 'eva@example.com', 'otp-493817', '493817']) expect(lines.join('\n')).not.toContain(secret);
  });
});

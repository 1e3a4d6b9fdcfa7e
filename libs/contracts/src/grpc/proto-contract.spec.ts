import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../../..');

describe('gRPC contract (libs/contracts/proto)', () => {
  it('is lint-clean (buf) and its checked-in TypeScript types equal a fresh ts-proto generation', () => {
    const result = spawnSync(process.execPath, [path.join(root, 'tools/proto/generate.mjs'), '--check'], { cwd: root, encoding: 'utf8' });
    expect(`${result.stdout}${result.stderr}`).toContain('lint clean, generated types up to date');
    expect(result.status).toBe(0);
  });
});

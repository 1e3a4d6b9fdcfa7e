// Schema validation of Kubernetes objects, through validate-k8s.mjs in a Node child process (the
// validators are ESM-only packages that Jest's CommonJS runtime cannot load).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export interface SchemaResult {
  index: number;
  kind?: string;
  name?: string;
  errors: string[];
}

export function validateAgainstSchemas(objects: unknown[]): SchemaResult[] {
  const run = spawnSync(process.execPath, [path.join(__dirname, 'validate-k8s.mjs')], { input: JSON.stringify(objects), encoding: 'utf8' });
  if (run.status !== 0) {
    throw new Error(`validate-k8s.mjs failed (${run.status}): ${run.stderr}\nkubernetes-models, @kubernetes-models/validate and @kubernetes-models/prometheus-operator are devDependencies: run npm ci`);
  }
  return JSON.parse(run.stdout) as SchemaResult[];
}

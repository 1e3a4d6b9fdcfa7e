// Validates Kubernetes objects against the API's OpenAPI schemas with kubernetes-models (and
// @kubernetes-models/prometheus-operator for ServiceMonitor). These packages are ESM only and export
// no CommonJS entry, which Jest's CommonJS runtime cannot load: k8s.spec.ts runs this file with
// Node itself. stdin: a JSON array of objects; stdout: a JSON array of
// { index, kind, name, errors } with `errors` empty for a valid object.
import { readFileSync } from 'node:fs';

/** The module holding the models of one apiVersion; an apiVersion without one is an error, never a pass. */
const MODULES = {
  v1: 'kubernetes-models/v1',
  'apps/v1': 'kubernetes-models/apps/v1',
  'batch/v1': 'kubernetes-models/batch/v1',
  'policy/v1': 'kubernetes-models/policy/v1',
  'autoscaling/v2': 'kubernetes-models/autoscaling/v2',
  'monitoring.coreos.com/v1': '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1',
};

async function errorsOf(object) {
  const modulePath = MODULES[object?.apiVersion];
  if (!modulePath) return [`no schema known for apiVersion ${JSON.stringify(object?.apiVersion)}`];
  const Model = (await import(modulePath))[object.kind];
  if (typeof Model !== 'function') return [`no model ${object.kind} in ${object.apiVersion}`];
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    // ajv's errors: where and what, one line each.
    const details = error.errors?.map((e) => `${e.instancePath || '/'} ${e.message}`) ?? [];
    return details.length > 0 ? details : [String(error.message)];
  }
}

const objects = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
for (const [index, object] of objects.entries()) {
  results.push({ index, kind: object?.kind, name: object?.metadata?.name, errors: await errorsOf(object) });
}
process.stdout.write(JSON.stringify(results));

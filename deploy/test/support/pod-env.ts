// What a container's environment holds once Kubernetes has resolved it: literal values,
// ConfigMap keys (envFrom and configMapKeyRef, looked up in the rendered objects) and Secret
// references (kept as references: their values are the operator's).
import type { K8sObject } from './kustomize-lite';

export type EnvSource = { from: 'value' | 'configMap'; value: string } | { from: 'secret'; secret: string; key: string };

type EnvVar = { name: string; value?: string; valueFrom?: { configMapKeyRef?: { name: string; key: string }; secretKeyRef?: { name: string; key: string } } };
type EnvFrom = { prefix?: string; configMapRef?: { name: string }; secretRef?: { name: string } };
export type PodContainer = { name: string; env?: EnvVar[]; envFrom?: EnvFrom[] };

export function configMapData(objects: K8sObject[], name: string): Record<string, string> {
  const map = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === name);
  if (!map) throw new Error(`ConfigMap ${name} is referenced but not defined`);
  return (map.data as Record<string, string> | undefined) ?? {};
}

/**
 * Later entries win, as in Kubernetes (env over envFrom). envFrom of a Secret is refused: its keys
 * are not in the repository, so what it sets could not be checked.
 */
export function resolveEnv(container: PodContainer, objects: K8sObject[]): Map<string, EnvSource> {
  const env = new Map<string, EnvSource>();
  for (const source of container.envFrom ?? []) {
    if (source.secretRef || source.prefix) throw new Error(`${container.name}: envFrom with a Secret or a prefix; use secretKeyRef per variable`);
    const name = source.configMapRef?.name ?? '';
    for (const [k, v] of Object.entries(configMapData(objects, name))) env.set(k, { from: 'configMap', value: v });
  }
  for (const v of container.env ?? []) {
    const ref = v.valueFrom;
    if (ref?.secretKeyRef) env.set(v.name, { from: 'secret', secret: ref.secretKeyRef.name, key: ref.secretKeyRef.key });
    else if (ref?.configMapKeyRef) {
      const data = configMapData(objects, ref.configMapKeyRef.name);
      if (!(ref.configMapKeyRef.key in data)) throw new Error(`${container.name}: ConfigMap ${ref.configMapKeyRef.name} has no key ${ref.configMapKeyRef.key}`);
      env.set(v.name, { from: 'configMap', value: data[ref.configMapKeyRef.key] });
    } else if (v.value !== undefined) env.set(v.name, { from: 'value', value: v.value });
    else throw new Error(`${container.name}: ${v.name} has neither a value nor a supported valueFrom`);
  }
  return env;
}

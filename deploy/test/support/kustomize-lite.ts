// A renderer for the subset of Kustomize that deploy/k8s uses, so that the tests can check the
// objects `kubectl apply -k` would send. There is no kustomize binary on these machines (no Debian
// package, no npm package; Docker is absent), and the manifests are kept simple enough that this
// subset is all they need:
//
//   resources   files (multi-document YAML) and directories holding a kustomization.yaml
//   namespace   set on every object (every kind allowed below is namespaced)
//   images      name -> newName / newTag / digest, in spec.template.spec.(init)containers
//   patches     JSON 6902 only (add, remove, replace), inline, targeting one kind and name
//
// Any other kustomization field, resource kind, patch form or operation fails the render with
// what is unsupported, so a manifest change that needs more of Kustomize cannot pass unnoticed.
// Known differences from kustomize: objects come out in the order they are listed (kustomize sorts
// by kind), a patch target's name is matched exactly (kustomize takes a regex), and a patch that
// matches nothing is an error here (kustomize ignores it).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
};

type ImageRule = { name: string; newName?: string; newTag?: string; digest?: string };
type PatchOp = { op: string; path: string; value?: unknown };
type Patch = { target: { kind: string; name: string }; patch: string };

const FIELDS = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'images', 'patches']);
/** Namespaced kinds only: cluster-scoped ones would need kustomize's namespace exceptions. */
const KINDS = new Set(['ConfigMap', 'Service', 'Deployment', 'Job', 'PodDisruptionBudget', 'HorizontalPodAutoscaler', 'ServiceMonitor']);

export class UnsupportedKustomization extends Error {}

function fail(where: string, what: string): never {
  throw new UnsupportedKustomization(`${where}: ${what} (deploy/test/support/kustomize-lite.ts supports resources, namespace, images and JSON 6902 patches)`);
}

function onlyKeys(where: string, value: object, allowed: string[]): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) fail(where, `unsupported field "${key}"`);
}

/** Every object of the kustomization in `dir`, transformed as `kubectl kustomize dir` would. */
export function renderKustomization(dir: string): K8sObject[] {
  const file = path.join(dir, 'kustomization.yaml');
  if (!existsSync(file)) fail(dir, 'no kustomization.yaml');
  const k = parseYaml(file)[0] as Record<string, unknown>;
  onlyKeys(file, k, [...FIELDS]);
  if (k.apiVersion !== 'kustomize.config.k8s.io/v1beta1' || k.kind !== 'Kustomization') fail(file, 'not a kustomize.config.k8s.io/v1beta1 Kustomization');

  const objects = ((k.resources as string[] | undefined) ?? []).flatMap((entry) => loadResource(dir, entry, file));
  assertUnique(objects, file);
  for (const p of (k.patches as Patch[] | undefined) ?? []) applyPatch(objects, p, file);
  if (k.namespace !== undefined) for (const o of objects) o.metadata.namespace = String(k.namespace);
  for (const rule of (k.images as ImageRule[] | undefined) ?? []) {
    onlyKeys(`${file} images`, rule, ['name', 'newName', 'newTag', 'digest']);
    for (const o of objects) for (const c of containersOf(o)) c.image = retag(c.image, rule);
  }
  return objects;
}

function loadResource(dir: string, entry: string, file: string): K8sObject[] {
  if (/^[a-z]+:\/\//.test(entry) || entry.includes('?ref=')) fail(file, `remote resource ${entry}`);
  const target = path.resolve(dir, entry);
  if (statSync(target).isDirectory()) return renderKustomization(target);
  return parseYaml(target).map((doc) => {
    const o = doc as K8sObject;
    if (!KINDS.has(o?.kind)) fail(target, `unsupported kind ${o?.kind}`);
    if (!o.metadata?.name) fail(target, `a ${o.kind} without metadata.name`);
    return o;
  });
}

function parseYaml(file: string): unknown[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map((d) => {
      if (d.errors.length > 0) throw new Error(`${file}: ${d.errors[0].message}`);
      return d.toJS() as unknown;
    })
    .filter((d) => d !== null);
}

function assertUnique(objects: K8sObject[], file: string): void {
  const seen = new Set<string>();
  for (const o of objects) {
    const id = `${o.apiVersion}/${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
    if (seen.has(id)) throw new Error(`${file}: ${id} is defined twice`);
    seen.add(id);
  }
}

function applyPatch(objects: K8sObject[], patch: Patch, file: string): void {
  onlyKeys(`${file} patches`, patch, ['target', 'patch']);
  if (!patch.target || typeof patch.patch !== 'string') fail(file, 'a patch needs an inline `patch` and a `target` (file patches are not supported)');
  onlyKeys(`${file} patches.target`, patch.target, ['kind', 'name']);
  const ops = parseAllDocuments(patch.patch)[0]?.toJS() as PatchOp[] | undefined;
  if (!Array.isArray(ops)) fail(file, 'a strategic-merge patch (only JSON 6902 lists of operations are supported)');
  const targets = objects.filter((o) => o.kind === patch.target.kind && o.metadata.name === patch.target.name);
  if (targets.length === 0) throw new Error(`${file}: patch target ${patch.target.kind}/${patch.target.name} matches no object`);
  for (const o of targets) for (const op of ops) applyOp(o, op, file);
}

/** RFC 6902 add, remove and replace on an RFC 6901 pointer. */
function applyOp(object: K8sObject, op: PatchOp, file: string): void {
  onlyKeys(`${file} patch operation`, op, ['op', 'path', 'value']);
  if (!['add', 'remove', 'replace'].includes(op.op)) fail(file, `patch operation "${op.op}"`);
  const tokens = op.path.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = tokens.pop();
  if (op.path[0] !== '/' || last === undefined) throw new Error(`${file}: bad patch path ${op.path}`);
  let parent: unknown = object;
  for (const t of tokens) {
    parent = (parent as Record<string, unknown>)?.[t];
    if (parent === null || typeof parent !== 'object') throw new Error(`${file}: patch path ${op.path} does not exist in ${object.kind}/${object.metadata.name}`);
  }
  const exists = Array.isArray(parent) ? Number(last) < parent.length : last in (parent as object);
  if (op.op !== 'add' && !exists) throw new Error(`${file}: cannot ${op.op} ${op.path}: it does not exist in ${object.kind}/${object.metadata.name}`);
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last);
    if (op.op === 'remove') parent.splice(index, 1);
    else parent.splice(index, op.op === 'replace' ? 1 : 0, op.value);
  } else {
    const fields = parent as Record<string, unknown>;
    if (op.op === 'remove') delete fields[last];
    else fields[last] = op.value;
  }
}

type Container = { name: string; image: string; [field: string]: unknown };

export function containersOf(o: K8sObject): Container[] {
  const pod = (o.spec as { template?: { spec?: { containers?: Container[]; initContainers?: Container[] } } } | undefined)?.template?.spec;
  return [...(pod?.containers ?? []), ...(pod?.initContainers ?? [])];
}

/** `registry:5000/p100/platform:1.0@sha256:…` → name `registry:5000/p100/platform`. */
function imageName(image: string): string {
  const withoutDigest = image.split('@')[0];
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  return colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
}

function retag(image: string, rule: ImageRule): string {
  const name = imageName(image);
  if (name !== rule.name) return image;
  const rest = image.slice(name.length);
  const suffix = rule.digest ? `@${rule.digest}` : rule.newTag ? `:${rule.newTag}` : rest;
  return `${rule.newName ?? name}${suffix}`;
}

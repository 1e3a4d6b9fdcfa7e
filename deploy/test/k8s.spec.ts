import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { GATEWAY_MAX_REPLICAS } from '@platform/contracts';
import { DEV_SECRETS } from './support/dev-secrets';
import { validateAgainstSchemas, type SchemaResult } from './support/k8s-schema';
import { containersOf, renderKustomization, UnsupportedKustomization, type K8sObject } from './support/kustomize-lite';
import { resolveEnv, type EnvSource, type PodContainer } from './support/pod-env';
import { isSecretVariable, requiredOneOf, root, SERVICES, serviceEnvSpec, type ServiceName } from './support/service-env';

// deploy/k8s runs the platform on Kubernetes: every object valid for the API, the overlay rendered
// as kubectl would, each service started with exactly the variables its code reads, on its ports,
// probed on routes that exist, and no secret value anywhere in the repository's manifests.
const k8sDir = path.join(root, 'deploy', 'k8s');
const base = renderKustomization(path.join(k8sDir, 'base'));
const overlay = renderKustomization(path.join(k8sDir, 'overlays', 'example'));

type Probe = { httpGet?: { path: string; port: string | number }; timeoutSeconds?: number };
type Port = { name: string; containerPort: number };
type Container = PodContainer & {
  image: string;
  command?: string[];
  ports?: Port[];
  startupProbe?: Probe;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  lifecycle?: { preStop?: { exec?: { command: string[] } } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { allowPrivilegeEscalation?: boolean; readOnlyRootFilesystem?: boolean; capabilities?: { drop?: string[] } };
};
type PodSpec = {
  containers: Container[];
  terminationGracePeriodSeconds?: number;
  enableServiceLinks?: boolean;
  automountServiceAccountToken?: boolean;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
};
type Workload = K8sObject & { spec: { replicas?: number; selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> }; spec: PodSpec } } };

const byKind = (objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);
const find = (objects: K8sObject[], kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name);
const deployment = (name: string) => find(overlay, 'Deployment', name) as Workload;
const matches = (selector: Record<string, string>, labels: Record<string, string> = {}) =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);
const source = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** The Secrets the operator creates, from the table of deploy/README.md's Kubernetes section. */
function documentedSecrets(): Set<string> {
  const readme = source('deploy/README.md');
  const section = readme.slice(readme.indexOf('<!-- section: kubernetes'), readme.indexOf('<!-- section: alerts'));
  return new Set([...section.matchAll(/^\| `([a-z0-9-]+)` \| `([A-Z0-9_]+)` \|/gm)].map((m) => `${m[1]}/${m[2]}`));
}

/** Every Secret key and ConfigMap a pod template references. */
function references(objects: K8sObject[]) {
  const secrets: string[] = [];
  const configMaps: string[] = [];
  for (const o of objects) {
    for (const c of containersOf(o) as Container[]) {
      for (const e of c.env ?? []) {
        if (e.valueFrom?.secretKeyRef) secrets.push(`${e.valueFrom.secretKeyRef.name}/${e.valueFrom.secretKeyRef.key}`);
        if (e.valueFrom?.configMapKeyRef) configMaps.push(e.valueFrom.configMapKeyRef.name);
      }
      for (const f of c.envFrom ?? []) {
        if (f.secretRef) secrets.push(`${f.secretRef.name}/*`);
        if (f.configMapRef) configMaps.push(f.configMapRef.name);
      }
    }
  }
  return { secrets, configMaps };
}

describe('deploy/test/support/kustomize-lite.ts', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'kustomize-lite-'));
    writeFileSync(path.join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  A: "1"\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const kustomization = (extra: string) =>
    writeFileSync(path.join(dir, 'kustomization.yaml'), `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [cm.yaml]\n${extra}`);

  it('applies namespace, JSON 6902 patches and images the way the example overlay needs', () => {
    expect(overlay.every((o) => o.metadata.namespace === 'p100-platform')).toBe(true);
    expect(base.every((o) => o.metadata.namespace === undefined)).toBe(true);
    expect(find(overlay, 'ConfigMap', 'p100-client')?.data).toEqual({ P100_BASE_URL: 'http://p100-sandbox:3100' });
    expect(find(base, 'ConfigMap', 'p100-client')?.data).toEqual({ P100_ENVIRONMENT: 'production' });
    expect(containersOf(deployment('payments'))[0].image).toBe('registry.example.com/p100/platform:0.1.0');
    expect(containersOf(find(overlay, 'Job', 'kafka-topics') as K8sObject)[0].image).toBe('registry.example.com/p100/platform-tools:0.1.0');
    // The base is rendered into the overlay untouched otherwise.
    expect(overlay.length).toBe(base.length + 3);
  });

  it.each([
    ['a field it does not implement', 'commonLabels:\n  team: x\n', /unsupported field "commonLabels"/],
    ['a strategic-merge patch', 'patches:\n  - target: {kind: ConfigMap, name: c}\n    patch: |-\n      data:\n        A: "2"\n', /strategic-merge/],
    ['a patch from a file', 'patches:\n  - path: p.yaml\n', /unsupported field "path"/],
    ['a JSON 6902 operation it does not implement', 'patches:\n  - target: {kind: ConfigMap, name: c}\n    patch: |-\n      - op: move\n        from: /data/A\n        path: /data/B\n', /unsupported field "from"|patch operation "move"/],
    ['an image rule field it does not implement', 'images:\n  - name: x\n    newNameSuffix: y\n', /unsupported field "newNameSuffix"/],
  ])('refuses %s', (_what, extra, message) => {
    kustomization(extra);
    expect(() => renderKustomization(dir)).toThrow(UnsupportedKustomization);
    expect(() => renderKustomization(dir)).toThrow(message);
  });

  it('refuses a kind it cannot place in a namespace, and a patch that matches nothing', () => {
    writeFileSync(path.join(dir, 'ns.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n');
    writeFileSync(path.join(dir, 'kustomization.yaml'), 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [ns.yaml]\n');
    expect(() => renderKustomization(dir)).toThrow(/unsupported kind Namespace/);
    kustomization('patches:\n  - target: {kind: ConfigMap, name: other}\n    patch: |-\n      - op: remove\n        path: /data/A\n');
    expect(() => renderKustomization(dir)).toThrow(/matches no object/);
  });

  it('renders a nested base with a retagged image and patched values', () => {
    mkdirSync(path.join(dir, 'overlay'));
    kustomization('');
    writeFileSync(
      path.join(dir, 'overlay', 'kustomization.yaml'),
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: n\nresources: [..]\npatches:\n  - target: {kind: ConfigMap, name: c}\n    patch: |-\n      - op: replace\n        path: /data/A\n        value: "2"\n      - op: add\n        path: /data/B~1C\n        value: "3"\n',
    );
    expect(renderKustomization(path.join(dir, 'overlay'))).toEqual([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'n' }, data: { A: '2', 'B/C': '3' } }]);
  });
});

describe('schemas (kubernetes-models, @kubernetes-models/prometheus-operator)', () => {
  // Objects the validator must reject, so that the check of the real ones can fail.
  const gateway = structuredClone(deployment('gateway'));
  (gateway.spec.template.spec.containers[0].ports as unknown as { containerPort: string }[])[0].containerPort = 'http';
  const noSelector = structuredClone(deployment('cards')) as K8sObject & { spec: Record<string, unknown> };
  delete noSelector.spec.selector;
  const monitor = structuredClone(find(overlay, 'ServiceMonitor', 'p100-platform')) as K8sObject & { spec: { endpoints: { interval: string }[] } };
  monitor.spec.endpoints[0].interval = 'often';
  const unknownKind = { apiVersion: 'v1', kind: 'Secrets', metadata: { name: 'x' } };
  const broken = [gateway, noSelector, monitor, unknownKind];

  // One validator process for all (loading the schemas is most of its time).
  let results: SchemaResult[];
  beforeAll(() => {
    results = validateAgainstSchemas([...base, ...overlay, ...broken]);
  });

  it('every object of base and overlays/example is valid', () => {
    expect(results).toHaveLength(base.length + overlay.length + broken.length);
    expect(results.slice(0, base.length + overlay.length).filter((r) => r.errors.length > 0)).toEqual([]);
  });

  it('the validator rejects broken objects, so the check above can fail', () => {
    expect(results.slice(base.length + overlay.length).map((r) => r.errors.join('; '))).toEqual([
      expect.stringContaining('containerPort must be integer'),
      expect.stringContaining('must have required property selector'),
      expect.stringContaining('/spec/endpoints/0/interval must match pattern'),
      expect.stringContaining('no model Secrets in v1'),
    ]);
  });
});

describe('references between the objects (overlays/example)', () => {
  const workloads = [...byKind(overlay, 'Deployment'), ...byKind(overlay, 'Job')] as Workload[];

  it('labels every object with its name, part-of and component, pods like their workload', () => {
    for (const o of overlay) {
      expect([o.kind, o.metadata.name, Object.keys(o.metadata.labels ?? {}).sort()]).toEqual([
        o.kind,
        o.metadata.name,
        ['app.kubernetes.io/component', 'app.kubernetes.io/name', 'app.kubernetes.io/part-of'],
      ]);
      expect(o.metadata.labels?.['app.kubernetes.io/part-of']).toBe('p100-platform');
    }
    for (const w of workloads) {
      expect(w.spec.template.metadata.labels).toEqual(w.metadata.labels);
      expect(w.metadata.labels?.['app.kubernetes.io/name']).toBe(w.metadata.name);
    }
  });

  it('runs the six services as Deployments, the sandbox only in the overlay', () => {
    expect(byKind(overlay, 'Deployment').map((d) => d.metadata.name).sort()).toEqual([...SERVICES].sort());
    expect(byKind(base, 'Deployment').map((d) => d.metadata.name).sort()).toEqual(SERVICES.filter((s) => s !== 'p100-sandbox').sort());
    expect(JSON.stringify(base)).not.toContain('p100-sandbox');
  });

  it("gives each Deployment one Service whose selector matches its pods and nothing else's", () => {
    for (const d of byKind(overlay, 'Deployment') as Workload[]) {
      expect(matches(d.spec.selector.matchLabels, d.spec.template.metadata.labels)).toBe(true);
      const services = byKind(overlay, 'Service').filter((s) => matches((s.spec as { selector: Record<string, string> }).selector, d.spec.template.metadata.labels));
      expect([d.metadata.name, services.map((s) => s.metadata.name)]).toEqual([d.metadata.name, [d.metadata.name]]);
    }
    for (const s of byKind(overlay, 'Service')) {
      const pods = (byKind(overlay, 'Deployment') as Workload[]).filter((d) => matches((s.spec as { selector: Record<string, string> }).selector, d.spec.template.metadata.labels));
      expect([s.metadata.name, pods.length]).toEqual([s.metadata.name, 1]);
      // Each Service port targets a named port of its pods' container.
      const names = pods[0].spec.template.spec.containers[0].ports?.map((p) => p.name);
      for (const p of (s.spec as { ports: { targetPort: string }[] }).ports) expect(names).toContain(p.targetPort);
    }
  });

  it('gives every service but the sandbox a PodDisruptionBudget over its pods, allowing one pod down out of at least two', () => {
    const pdbs = byKind(overlay, 'PodDisruptionBudget') as (K8sObject & { spec: { maxUnavailable: number; selector: { matchLabels: Record<string, string> } } })[];
    for (const d of byKind(overlay, 'Deployment') as Workload[]) {
      const covering = pdbs.filter((p) => matches(p.spec.selector.matchLabels, d.spec.template.metadata.labels));
      const hpa = find(overlay, 'HorizontalPodAutoscaler', d.metadata.name) as { spec: { minReplicas: number } } | undefined;
      if (d.metadata.name === 'p100-sandbox') {
        expect(covering).toEqual([]);
        expect(d.spec.replicas).toBe(1);
      } else {
        expect([d.metadata.name, covering.map((p) => p.spec.maxUnavailable)]).toEqual([d.metadata.name, [1]]);
        expect(hpa?.spec.minReplicas ?? d.spec.replicas).toBeGreaterThanOrEqual(2);
      }
    }
    for (const p of pdbs) expect(byKind(overlay, 'Deployment').some((d) => matches(p.spec.selector.matchLabels, (d as Workload).spec.template.metadata.labels))).toBe(true);
  });

  it('autoscales gateway and webhook-ingest (autoscaling/v2) on Deployments that leave the count to it', () => {
    const hpas = byKind(overlay, 'HorizontalPodAutoscaler') as (K8sObject & { spec: { scaleTargetRef: { apiVersion: string; kind: string; name: string }; minReplicas: number; maxReplicas: number } })[];
    expect(hpas.map((h) => [h.apiVersion, h.metadata.name]).sort()).toEqual([
      ['autoscaling/v2', 'gateway'],
      ['autoscaling/v2', 'webhook-ingest'],
    ]);
    for (const h of hpas) {
      const target = find(overlay, h.spec.scaleTargetRef.kind, h.spec.scaleTargetRef.name) as Workload | undefined;
      expect(target?.apiVersion).toBe(h.spec.scaleTargetRef.apiVersion);
      expect(target?.spec.replicas).toBeUndefined();
      expect(h.spec.minReplicas).toBeLessThanOrEqual(h.spec.maxReplicas);
    }
    // One reply partition per gateway replica (libs/contracts topic-catalog.ts).
    expect(hpas.find((h) => h.metadata.name === 'gateway')?.spec.maxReplicas).toBeLessThanOrEqual(GATEWAY_MAX_REPLICAS);
  });

  it('references only ConfigMaps it defines and Secrets that deploy/README.md tells the operator to create, and no Secret object', () => {
    const { secrets, configMaps } = references(overlay);
    for (const name of configMaps) expect([name, find(overlay, 'ConfigMap', name) !== undefined]).toEqual([name, true]);
    expect(byKind(overlay, 'Secret')).toEqual([]);
    // Both ways: every reference is documented, every documented Secret is used.
    expect([...new Set(secrets)].sort()).toEqual([...documentedSecrets()].sort());
  });

  it('scrapes /metrics on the http port of every Service with one ServiceMonitor', () => {
    const [monitor] = byKind(overlay, 'ServiceMonitor') as (K8sObject & { spec: { selector: { matchLabels: Record<string, string> }; endpoints: { port: string; path: string }[] } })[];
    expect(monitor.apiVersion).toBe('monitoring.coreos.com/v1');
    expect(monitor.spec.endpoints).toEqual([expect.objectContaining({ port: 'http', path: '/metrics' })]);
    for (const s of byKind(overlay, 'Service')) {
      expect([s.metadata.name, matches(monitor.spec.selector.matchLabels, s.metadata.labels)]).toEqual([s.metadata.name, true]);
      expect((s.spec as { ports: { name: string }[] }).ports.map((p) => p.name)).toContain('http');
    }
    // The route: MetricsModule (libs/platform/metrics) serves GET /metrics in every service.
    expect(source('libs/platform/metrics/src/metrics.controller.ts')).toMatch(/@Controller\('metrics'\)[\s\S]*@Get\(\)/);
  });

  it('addresses other services by Service name and port', () => {
    const urls = byKind(overlay, 'ConfigMap').flatMap((c) => Object.values((c.data as Record<string, string>) ?? {})).filter((v) => /^https?:\/\//.test(v));
    expect(urls.length).toBeGreaterThanOrEqual(3);
    for (const url of urls) {
      const { hostname, port } = new URL(url);
      const service = find(overlay, 'Service', hostname);
      expect([url, (service?.spec as { ports: { port: number }[] } | undefined)?.ports.some((p) => String(p.port) === port)]).toEqual([url, true]);
    }
  });
});

describe('the topic Job', () => {
  const job = find(overlay, 'Job', 'kafka-topics') as Workload;
  const [container] = job.spec.template.spec.containers;
  const compose = parse(source('docker-compose.yml'), { merge: true }) as { services: Record<string, { command: string[]; environment: Record<string, string> }> };

  it("runs compose's kafka-topics command from the Dockerfile's build stage, where that script is", () => {
    expect(container.command).toEqual(compose.services['kafka-topics'].command);
    expect((container as { workingDir?: string }).workingDir).toBe('/src');
    expect(source('deploy/Dockerfile')).toMatch(/FROM node:24-bookworm-slim AS build\nWORKDIR \/src\n[\s\S]*COPY \. \./);
    expect(existsSync(path.join(root, container.command?.[1] ?? ''))).toBe(true);
  });

  it('sets only the variables provision-topics.mjs reads, each from a ConfigMap of the first apply', () => {
    const reads = new Set([...source('tools/kafka/provision-topics.mjs').matchAll(/process\.env\.([A-Z_]+)|positive\('([A-Z_]+)'/g)].map((m) => m[1] ?? m[2]));
    const env = resolveEnv(container, overlay);
    expect([...env.keys()].filter((k) => !reads.has(k))).toEqual([]);
    expect(env.get('KAFKA_BROKERS')).toEqual({ from: 'configMap', value: 'kafka.kafka.svc.cluster.local:9092' });
    // deploy/README.md applies these first: `-l 'app.kubernetes.io/name in (kafka-topics,platform-common)'`.
    const firstApply = overlay.filter((o) => ['kafka-topics', 'platform-common'].includes(o.metadata.labels?.['app.kubernetes.io/name'] ?? ''));
    expect(references([job]).configMaps.every((name) => firstApply.some((o) => o.kind === 'ConfigMap' && o.metadata.name === name))).toBe(true);
    expect(references([job]).secrets).toEqual([]);
    expect(source('deploy/README.md')).toContain("-l 'app.kubernetes.io/name in (kafka-topics,platform-common)'");
  });
});

describe.each(SERVICES)('%s', (name: ServiceName) => {
  const pod = deployment(name).spec.template.spec;
  const [container] = pod.containers;
  const spec = serviceEnvSpec(name);
  const env: Map<string, EnvSource> = resolveEnv(container, overlay);
  const value = (variable: string) => {
    const v = env.get(variable);
    return v && v.from !== 'secret' ? v.value : undefined;
  };

  it('runs its own app from the one image', () => {
    expect(pod.containers).toHaveLength(1);
    expect(container.command).toEqual(['node', `/app/dist/apps/${name}/src/main.js`]);
    expect(existsSync(path.join(root, 'apps', name, 'src', 'main.ts'))).toBe(true);
    expect(container.image).toBe('registry.example.com/p100/platform:0.1.0');
  });

  it('sets only variables the code reads, and no service-link variables', () => {
    expect([...env.keys()].filter((v) => !spec.reads.has(v))).toEqual([]);
    expect(pod.enableServiceLinks).toBe(false);
  });

  it('sets every variable the code requires', () => {
    expect([...spec.required].filter((v) => !env.has(v))).toEqual([]);
    for (const group of requiredOneOf(name)) expect([group, group.filter((v) => env.has(v)).length]).toEqual([group, 1]);
  });

  it('takes every secret variable from a Secret, and nothing else from one', () => {
    for (const [variable, v] of env) expect([variable, v.from === 'secret']).toEqual([variable, isSecretVariable(variable)]);
  });

  it('exposes the ports it listens on', () => {
    const ports = Object.fromEntries((container.ports ?? []).map((p) => [p.name, p.containerPort]));
    expect(ports.http).toBe(Number(value(spec.portVar) ?? spec.defaultPort));
    if (name === 'gateway') expect(ports).toEqual({ http: ports.http, grpc: Number(value('GRPC_PORT')) });
    else expect(Object.keys(ports)).toEqual(['http']);
  });

  it('is probed on the health routes, readiness given longer than one check may take', () => {
    const http = (p?: Probe) => [p?.httpGet?.path, p?.httpGet?.port];
    expect(http(container.startupProbe)).toEqual(['/health/live', 'http']);
    expect(http(container.livenessProbe)).toEqual(['/health/live', 'http']);
    expect(http(container.readinessProbe)).toEqual(['/health/ready', 'http']);
    const controller = source('libs/platform/health/src/health.controller.ts');
    expect(controller).toContain("@Controller('health')");
    expect(controller).toContain("@Get('live')");
    expect(controller).toContain("@Get('ready')");
    const checkMs = Number(/CHECK_TIMEOUT_MS = ([\d_]+)/.exec(source('libs/platform/health/src/evaluate-readiness.ts'))?.[1].replace(/_/g, ''));
    expect((container.readinessProbe?.timeoutSeconds ?? 1) * 1000).toBeGreaterThan(checkMs);
    // Every app serves them: PlatformModule brings HealthModule and MetricsModule.
    expect(readdirSync(path.join(root, 'apps', name, 'src')).some((f) => f === 'app.module.ts' && source(`apps/${name}/src/${f}`).includes('PlatformModule.forRoot'))).toBe(true);
  });

  it("leaves time for the shutdown: endpoint removal, the consumers' drain, then the close", () => {
    const preStop = Number(container.lifecycle?.preStop?.exec?.command[1]);
    const drainMs = Number(/CLOSE_DRAIN_MS = ([\d_]+)/.exec(source('libs/platform/kafka/src/platform-kafka-server.ts'))?.[1].replace(/_/g, ''));
    expect(container.lifecycle?.preStop?.exec?.command[0]).toBe('sleep');
    expect(preStop).toBeGreaterThan(0);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(preStop + drainMs / 1000 + 10);
  });

  it('runs unprivileged, read-only, without capabilities, within resource bounds', () => {
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(container.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    expect(Object.keys(container.resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
    expect(Object.keys(container.resources?.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
  });
});

describe('no secret value in deploy/k8s', () => {
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  const objects = [...base, ...overlay];

  it('has no Secret object and no secret variable in a ConfigMap or a literal value', () => {
    for (const f of files(k8sDir)) expect([f, /^kind:\s*Secret\s*$/m.test(readFileSync(f, 'utf8'))]).toEqual([f, false]);
    for (const c of byKind(objects, 'ConfigMap')) expect(Object.keys((c.data as Record<string, string>) ?? {}).filter(isSecretVariable)).toEqual([]);
    for (const o of objects) {
      for (const c of containersOf(o) as Container[]) {
        const literal = (c.env ?? []).filter((e) => e.value !== undefined && isSecretVariable(e.name));
        expect([o.metadata.name, literal]).toEqual([o.metadata.name, []]);
      }
    }
  });

  it('does not contain the development secrets of `npm start`', () => {
    const values = Object.values(DEV_SECRETS).flatMap((v) => [v, ...v.split(':').filter((part) => part.length >= 16)]);
    expect(values.length).toBeGreaterThan(5);
    for (const f of files(path.join(root, 'deploy'))) {
      const text = readFileSync(f, 'utf8');
      for (const v of values) expect([f, text.includes(v)]).toEqual([f, false]);
    }
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { root, SERVICES, serviceEnvSpec, type ServiceName } from './support/service-env';

// docker-compose.yml brings up the whole platform: each service built for its own app, set only
// with variables the code reads, every required one present, on the code's ports, started after
// what it needs is healthy, with paths that exist.
type Service = {
  build?: { args?: Record<string, string> };
  environment?: Record<string, string | number>;
  ports?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }> | string[];
  volumes?: string[];
};
const file = path.join(root, 'docker-compose.yml');
const compose = parse(readFileSync(file, 'utf8'), { merge: true }) as { services: Record<string, Service> };

describe('docker-compose.yml', () => {
  it('is valid against the Compose Specification schema', () => {
    // The draft-07 meta-schema URL uses https, which ajv does not know by that name: drop it.
    const { $schema: _metaSchema, ...schema } = JSON.parse(readFileSync(path.join(__dirname, 'schemas', 'compose-spec.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    const validate = ajv.compile(schema);
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
  });

  it('passes `docker compose config -q` where the docker client has compose', () => {
    const version = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
    if (version.status !== 0) {
      console.log('docker compose config skipped: this docker client has no compose plugin');
      return;
    }
    const env = { ...process.env, P100_API_KEY: 'x', P100_WEBHOOK_TOKEN: 'x', WEBHOOK_ADMIN_TOKEN: 'x', P100_CODE_KEYS: 'x', CARDS_SECURE_CODE_KEYS: 'x', CARDS_LANE_TOKEN: 'x', GATEWAY_CLIENTS: 'x', GRAFANA_ADMIN_PASSWORD: 'x' };
    execFileSync('docker', ['compose', '-f', file, 'config', '-q'], { env, stdio: 'pipe' });
  });

  describe.each(SERVICES)('%s', (name: ServiceName) => {
    const service = compose.services[name];
    const spec = serviceEnvSpec(name);
    const env = service?.environment ?? {};

    it('is built from apps/<APP>/src/main.ts', () => {
      const app = service.build?.args?.APP;
      expect(app).toBe(name);
      expect(existsSync(path.join(root, 'apps', String(app), 'src', 'main.ts'))).toBe(true);
    });

    it('sets only variables the code reads', () => {
      expect(Object.keys(env).filter((v) => !spec.reads.has(v))).toEqual([]);
    });

    it('sets every variable the code requires', () => {
      expect([...spec.required].filter((v) => !(v in env))).toEqual([]);
    });

    it('never gives a secret a default value', () => {
      const secrets = Object.entries(env).filter(([k]) => /KEY|TOKEN|SECRET|PASSWORD|GATEWAY_CLIENTS/.test(k));
      for (const [k, v] of secrets) expect([k, /^\$\{[A-Z0-9_]+:\?[^}]+\}$/.test(String(v))]).toEqual([k, true]);
    });

    it('listens on the port it sets, published on 127.0.0.1', () => {
      const port = String(env[spec.portVar] ?? spec.defaultPort);
      expect(service.ports).toContain(`127.0.0.1:${port}:${port}`);
      for (const p of service.ports ?? []) expect(p.startsWith('127.0.0.1:')).toBe(true);
      expect(service.healthcheck?.test.join(' ')).toContain(`http://127.0.0.1:${port}/health/ready`);
    });

    it('waits on its dependencies by condition', () => {
      const deps = service.depends_on;
      expect(deps && !Array.isArray(deps)).toBe(true);
      for (const [dep, { condition }] of Object.entries(deps as Record<string, { condition: string }>)) {
        expect(compose.services[dep]).toBeDefined();
        expect(condition).toBe(dep === 'kafka-topics' ? 'service_completed_successfully' : 'service_healthy');
        if (condition === 'service_healthy') expect(compose.services[dep].healthcheck).toBeDefined();
      }
    });
  });

  it('mounts only paths that exist in the repository', () => {
    const mounts = Object.values(compose.services).flatMap((s) => s.volumes ?? []).filter((v) => v.startsWith('.'));
    expect(mounts.length).toBeGreaterThan(0);
    for (const m of mounts) expect([m, existsSync(path.join(root, m.split(':')[0]))]).toEqual([m, true]);
    const prom = compose.services.prometheus.volumes ?? [];
    expect(prom).toContain('./deploy/prometheus/rules:/etc/prometheus/rules:ro');
    expect(statSync(path.join(root, 'deploy/grafana/provisioning')).isDirectory()).toBe(true);
    expect(readFileSync(path.join(root, 'deploy/prometheus/prometheus.compose.yml'), 'utf8')).toContain("rule_files: ['/etc/prometheus/rules/*.yml']");
  });
});

describe('the image build context (.dockerignore)', () => {
  // deploy/Dockerfile runs `npm ci` and then `COPY . .`: whatever the context holds lands in the
  // build stage, so the host's node_modules would replace the image's own and a local .env would
  // be baked into a layer.
  const ignored = readFileSync(path.join(root, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  it.each(['**/node_modules', '.env', '.env.*', '.runtime', '.tools', 'dist', '.git'])('leaves out %s', (entry) => {
    expect(ignored).toContain(entry);
  });
});

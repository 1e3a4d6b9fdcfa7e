// The jars of a real Apache Kafka broker, fetched from Maven Central once per version.
//
//   const runtime = await ensureKafkaRuntime({ log });   // { version, libsDir, classpath, java }
//
// Needs `java` (>= 17) and `mvn` on the PATH (detectKafkaToolchain tells whether they are there).
// The jars land in .runtime/kafka/<version>/libs; a `.complete` marker is written only after
// Maven finished, so an interrupted download is redone, never half-used.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const POM = path.join(ROOT, 'tools/kafka/pom.xml');

/** The version the whole suite passes on with kafkajs 2.2.4 (docs/decisions/0005). */
export const DEFAULT_KAFKA_VERSION = '4.4.0';
const MIN_JAVA = 17;

/**
 * Whether this machine can run the real broker: `java` >= 17 and `mvn` on the PATH.
 * @returns {Promise<{ ok: true, javaVersion: number } | { ok: false, reason: string }>}
 */
export async function detectKafkaToolchain() {
  let javaVersion;
  try {
    // `java -version` prints to stderr, e.g. `openjdk version "17.0.15" 2025-04-15`.
    const { stderr } = await execFileAsync('java', ['-version'], { timeout: 20_000 });
    const match = /version "(\d+)(?:\.(\d+))?/.exec(stderr);
    javaVersion = match ? Number(match[1] === '1' ? match[2] : match[1]) : NaN;
  } catch {
    return { ok: false, reason: 'no `java` on the PATH' };
  }
  if (!(javaVersion >= MIN_JAVA)) return { ok: false, reason: `java ${javaVersion} is older than ${MIN_JAVA}` };
  try {
    await execFileAsync('mvn', ['--version'], { timeout: 30_000 });
  } catch {
    return { ok: false, reason: 'no `mvn` on the PATH' };
  }
  return { ok: true, javaVersion };
}

/**
 * @param {{ version?: string, log?: (line: string) => void }} [options]
 * @returns {Promise<{ version: string, libsDir: string, classpath: string }>}
 */
export async function ensureKafkaRuntime({ version = process.env.KAFKA_VERSION || DEFAULT_KAFKA_VERSION, log = console.error } = {}) {
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`[kafka] KAFKA_VERSION must look like 4.4.0, got "${version}"`);
  const home = path.join(ROOT, '.runtime/kafka', version);
  const libsDir = path.join(home, 'libs');
  const marker = path.join(home, '.complete');
  if (!existsSync(marker)) await download(version, home, libsDir, marker, log);
  return { version, libsDir, classpath: path.join(libsDir, '*') };
}

async function download(version, home, libsDir, marker, log) {
  const t0 = Date.now();
  const staging = `${libsDir}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  log(`[kafka] fetching Apache Kafka ${version} from Maven Central into ${path.relative(ROOT, home)} (one time, ~45 MB)...`);
  // Maven is quiet (-q): a progress line every 3 s shows it is still working (it resolves into
  // ~/.m2 first and copies the jars here at the end).
  const progress = setInterval(() => log(`[kafka]   ... still fetching (${Math.round((Date.now() - t0) / 1000)} s)`), 3000);
  try {
    await new Promise((resolve, reject) => {
      const child = spawn(
        'mvn',
        ['-q', '-B', '-f', POM, `-Dkafka.version=${version}`, 'dependency:copy-dependencies', `-DoutputDirectory=${staging}`, '-DincludeScope=runtime'],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let output = '';
      child.stdout.on('data', (c) => (output += c));
      child.stderr.on('data', (c) => (output += c));
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0
          ? resolve()
          : reject(
              new Error(
                `[kafka] mvn could not fetch org.apache.kafka:kafka_2.13:${version} (exit ${code}).\n${output.trim().split('\n').slice(-15).join('\n')}\n` +
                  '[kafka] what to do: check that Maven Central is reachable (mvn -v; ~/.m2/settings.xml), or set KAFKA_BROKERS to an existing Kafka.',
              ),
            ),
      );
    });
  } finally {
    clearInterval(progress);
  }
  if (!readdirSync(staging).some((f) => f.startsWith(`kafka_2.13-${version}`))) {
    throw new Error(`[kafka] Maven finished but kafka_2.13-${version}.jar is not in ${staging}`);
  }
  rmSync(libsDir, { recursive: true, force: true });
  renameSync(staging, libsDir);
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  log(`[kafka] Apache Kafka ${version}: ${readdirSync(libsDir).length} jars, ${megabytes(libsDir)} MB (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

function megabytes(dir) {
  let bytes = 0;
  try {
    for (const f of readdirSync(dir)) bytes += statSync(path.join(dir, f)).size;
  } catch {
    return 0;
  }
  return Math.round(bytes / 1e6);
}

// CLI: `node tools/kafka/kafka-runtime.mjs` fetches the jars (CI does it as a phase of its own).
const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const toolchain = await detectKafkaToolchain();
  if (!toolchain.ok) {
    console.error(`[kafka] ${toolchain.reason}: the real broker needs Java >= 17 and Maven (apt-get install -y default-jre-headless maven); tests will use the dev broker`);
  } else {
    const runtime = await ensureKafkaRuntime();
    console.error(`[kafka] Apache Kafka ${runtime.version} ready in ${path.relative(ROOT, runtime.libsDir)} (java ${toolchain.javaVersion})`);
  }
}

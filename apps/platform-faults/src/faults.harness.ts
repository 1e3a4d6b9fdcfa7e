// The platform's process runner is plain CommonJS so that `npm start`, e2e and this suite share it.
const services = require('../../../tools/platform/services.cjs');

/** One switch for every scenario: `short` (seconds, in `npm test`) or `full` (`npm run faults`). */
export const SCALE: 'short' | 'full' = process.env.FAULTS_SCALE === 'full' ? 'full' : 'short';
export const sized = (short: number, full: number): number => (SCALE === 'full' ? full : short);

/** Its own port range (5600+ by default), away from e2e (4300) and other engineers' runs. */
export const BASE_PORT = Number(process.env.FAULTS_BASE_PORT || 5600);
export const API_KEY: string = services.DEV_SECRETS.gatewayApiKey;
export const WEBHOOK_TOKEN: string = services.DEV_SECRETS.webhookToken;

/** Local only: the suite injects faults into the sandbox, never into a real P100. */
export function refuseRemoteP100(): void {
  const refusal: string | null = services.remoteP100Refusal();
  if (refusal) throw new Error(refusal);
}

/** The services' own output is dropped, unless FAULTS_SERVICE_LOGS=1 (to see why one did not start). */
const logSink = (name: string, chunk: Buffer | string): void => {
  if (process.env.FAULTS_SERVICE_LOGS === '1') process.stderr.write(`${name.padEnd(15)}| ${chunk}`);
};

export interface FaultPlatform {
  gateway: string;
  webhookIngest: string;
  sandbox: string;
  running: Record<string, { url: string; grpcAddress?: string; waitHealthy(ms: number): Promise<void>; kill(signal: NodeJS.Signals): Promise<unknown> }>;
  /** Starts a stopped or killed service again and waits until it is healthy. */
  restart(name: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the sandbox and the five services as real processes from dist/, or only those named
 * (a scenario whose path is webhook-ingest → Kafka → cards needs those two, not all six).
 */
export async function startFaultPlatform(env: Record<string, string> = {}, basePort = BASE_PORT, only?: string[]): Promise<FaultPlatform> {
  refuseRemoteP100();
  // FAULTS_HEALTH_TIMEOUT_MS: how long a start or restart may take to be healthy (60 s), longer on a crowded machine.
  const healthTimeoutMs = Number(process.env.FAULTS_HEALTH_TIMEOUT_MS || 60_000);
  // A SIGKILLed consumer holds its partitions until the group's session timeout ends: the broker's
  // minimum (6 s) instead of 30 s lets the scenarios kill services often in bounded time.
  const serviceEnv = { KAFKA_SESSION_TIMEOUT_MS: '6000', ...env };
  const platform = await services.startTestPlatform({ basePort, timeScale: 0.2, logLevel: 'warn', logSink, env: serviceEnv, healthTimeoutMs, only });
  return {
    gateway: `http://127.0.0.1:${basePort}`,
    webhookIngest: `http://127.0.0.1:${basePort + 4}`,
    sandbox: `http://127.0.0.1:${basePort + 100}`,
    ...platform,
  };
}

/** What each scenario did and verified, printed as it goes (the `faults` run reads it too). */
export function progress(scenario: string, message: string): void {
  process.stdout.write(`[faults ${scenario}] ${message}\n`);
}

/** Row counts of every table in the service schemas: "nothing stored" is these staying equal. */
export async function rowCounts(query: (sql: string) => Promise<{ rows: any[] }>, schemas: string[]): Promise<Record<string, number>> {
  const tables = await query(
    `SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema IN (${schemas.map((s) => `'${s}'`).join(',')}) ORDER BY 1, 2`,
  );
  const counts: Record<string, number> = {};
  for (const { table_schema, table_name } of tables.rows) {
    const r = await query(`SELECT count(*)::int AS n FROM "${table_schema}"."${table_name}"`);
    counts[`${table_schema}.${table_name}`] = r.rows[0].n;
  }
  return counts;
}

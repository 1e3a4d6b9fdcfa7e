export default async function globalTeardown() {
  await globalThis.__PLATFORM_ISOLATION__?.cleanup();
  if (globalThis.__PLATFORM_BASE_DATABASE_URL__) process.env.DATABASE_URL = globalThis.__PLATFORM_BASE_DATABASE_URL__;
  delete process.env.KAFKA_NAMESPACE;
  await globalThis.__PLATFORM_INFRA__?.stop();
}

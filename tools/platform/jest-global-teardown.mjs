export default async function globalTeardown() {
  await globalThis.__PLATFORM_INFRA__?.stop();
}

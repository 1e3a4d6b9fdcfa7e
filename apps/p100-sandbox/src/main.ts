import { ConfigError } from '@platform/config';
import { loadSandboxConfig } from './config/sandbox-config';
import { startSandbox } from './sandbox';

async function main(): Promise<void> {
  const config = loadSandboxConfig();
  const app = await startSandbox(config);
  const webhooks = config.webhook.baseUrl ? `webhooks to ${config.webhook.baseUrl}` : 'webhooks off (P100_SANDBOX_WEBHOOK_URL unset)';
  console.log(`[p100-sandbox] listening on ${await app.getUrl()}; ${webhooks}; time scale ${config.timeScale}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

import { runService } from '@platform/service';
import { loadSandboxConfig } from './config/sandbox-config';
import { startSandbox } from './sandbox';

async function main(): Promise<void> {
  const config = loadSandboxConfig();
  const app = await startSandbox(config);
  const webhooks = config.webhook.baseUrl ? `webhooks to ${config.webhook.baseUrl}` : 'webhooks off (P100_SANDBOX_WEBHOOK_URL unset)';
  console.log(`[p100-sandbox] listening on ${await app.getUrl()}; ${webhooks}; time scale ${config.timeScale}`);
}

runService(main);

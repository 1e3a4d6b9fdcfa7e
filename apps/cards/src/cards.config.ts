import { z } from 'zod';
import { loadConfig, port, serviceEnv } from '@platform/config';

export const cardsEnv = serviceEnv.extend({ PORT: port(3003) });
export type CardsConfig = z.infer<typeof cardsEnv>;

export function loadCardsConfig(env: NodeJS.ProcessEnv = process.env): CardsConfig {
  return loadConfig(cardsEnv, env);
}

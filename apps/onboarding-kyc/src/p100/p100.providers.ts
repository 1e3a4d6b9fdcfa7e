import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IntentLog } from '@platform/database';
import { P100Client, type P100ClientConfig } from '@platform/p100-client';

export const P100_CLIENT_CONFIG = Symbol('P100_CLIENT_CONFIG');

export const p100Providers: Provider[] = [
  { provide: P100Client, inject: [P100_CLIENT_CONFIG], useFactory: (config: P100ClientConfig) => new P100Client(config) },
  { provide: IntentLog, inject: [DataSource], useFactory: (dataSource: DataSource) => new IntentLog(dataSource) },
];

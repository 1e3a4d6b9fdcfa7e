import { Injectable } from '@nestjs/common';
import { hashRequest } from '@platform/database';
import { UserHistoryRepository } from './user-history.repository';
import type { UserEntity } from './user.entity';

export interface CommandIntentKey {
  key: string;
  /** The command that made the user's latest change, again: answered from its intent. */
  repeat: boolean;
}

/**
 * Intent keys of user commands: `<P100 operation>:<user>:<commands settled so far>:<request hash>`.
 * A redelivered command (nothing settled since) gets its first key, so P100 is not called twice;
 * once a command has settled (P100 acted or refused) the next one gets a fresh key, even with the
 * same request, so a suspension refused for active cards can be tried again once they are
 * blocked. A command redelivered after it settled finds its own change as the user's latest and
 * reuses that key. Commands do not carry the gateway's idempotency key, hence keys from state.
 */
@Injectable()
export class CommandIntentKeys {
  constructor(private readonly history: UserHistoryRepository) {}

  async keyFor(user: UserEntity, operation: string, request: unknown): Promise<CommandIntentKey> {
    const hash = hashRequest(request);
    const prefix = `${operation}:${user.externalUserId}:`;
    const latest = await this.history.latestCause(user.externalUserId);
    if (latest?.startsWith(prefix) && latest.endsWith(`:${hash}`)) return { key: latest, repeat: true };
    return { key: `${prefix}${user.commandSeq}:${hash}`, repeat: false };
  }

  /** For uploads: the same files are the same upload, whatever happened since. */
  byContent(user: UserEntity, operation: string, request: unknown): CommandIntentKey {
    return { key: `${operation}:${user.externalUserId}:${hashRequest(request)}`, repeat: false };
  }
}

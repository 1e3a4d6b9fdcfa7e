import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IntentLog } from '@platform/database';
import { classifyP100Failure, type OperationName } from '@platform/p100-client';
import { CommandIntentKeys } from './command-intent-keys';
import type { UserEntity } from './user.entity';
import { checkCommand, stateOf, UserLifecycle, type CommandTrigger, type TransitionFacts } from './user-lifecycle';
import { UsersRepository } from './users.repository';

export interface UserCommand<T> {
  externalUserId: string;
  trigger: CommandTrigger;
  /** The P100 operation: the intent's name and the first part of its key. */
  operation: OperationName;
  /** What identifies the request (hashed into the key, never stored): no file bytes. */
  request: unknown;
  call: () => Promise<T>;
  facts?: (answer: T) => TransitionFacts;
  /** Only where a repeat cannot act twice at P100 (it dedupes, or the effect is the same). */
  reattemptUnknown?: boolean;
  subject?: (user: UserEntity) => Record<string, string>;
  /** Uploads: the key is the files' hash alone (the same files are the same upload). */
  keyedByContent?: boolean;
  /** A P100 refusal that means the command had already taken effect (a repeat after a lost answer). */
  alreadyDone?: (error: unknown) => boolean;
}

export interface CommandOutcome<T> {
  user: UserEntity;
  /** P100's answer (or the stored one of a repeat); undefined when the command had taken effect already. */
  answer?: T;
}

/**
 * The one path of a state-changing user command: the table's refusals before P100 is asked, the
 * intent (recorded with its key before the call), then the transition. The transition is applied
 * even if a webhook overtook the answer: the table then leaves the user where the webhook put it.
 */
@Injectable()
export class UserCommandRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly keys: CommandIntentKeys,
    private readonly intents: IntentLog,
    private readonly lifecycle: UserLifecycle,
  ) {}

  async run<T>(command: UserCommand<T>): Promise<CommandOutcome<T>> {
    const user = await this.users.get(command.externalUserId);
    const { key, repeat } = command.keyedByContent
      ? this.keys.byContent(user, command.operation, command.request)
      : await this.keys.keyFor(user, command.operation, command.request);
    if (checkCommand({ externalUserId: user.externalUserId, ...stateOf(user) }, command.trigger, repeat) === 'done') return { user };

    let answer: T | undefined;
    try {
      answer = await this.intents.execute(
        key,
        {
          operation: command.operation,
          request: command.request,
          classify: classifyP100Failure,
          reattemptUnknown: command.reattemptUnknown,
          subject: command.subject?.(user),
        },
        command.call,
      );
    } catch (error) {
      if (!command.alreadyDone?.(error)) {
        if (classifyP100Failure(error).kind === 'rejected') await this.lifecycle.noteRefusal(user.externalUserId);
        throw error;
      }
    }
    const facts = answer === undefined ? {} : command.facts?.(answer);
    const { user: settled } = await this.dataSource.transaction((manager) =>
      this.lifecycle.apply(manager, user.externalUserId, command.trigger, { source: 'command', id: key }, facts),
    );
    return { user: settled, answer };
  }
}

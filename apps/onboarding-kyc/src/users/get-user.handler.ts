import { Injectable } from '@nestjs/common';
import { userRefSchema, type UserRef, type UserView } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { toUserView } from './user.entity';
import { UsersRepository } from './users.repository';

@Injectable()
export class GetUserHandler implements CommandHandler<UserRef, UserView> {
  readonly schema = userRefSchema;

  constructor(private readonly users: UsersRepository) {}

  async handle({ externalUserId }: UserRef): Promise<UserView> {
    return toUserView(await this.users.get(externalUserId));
  }
}

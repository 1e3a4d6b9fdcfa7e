import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '@platform/contracts';
import { UserEntity } from './user.entity';
import type { UserStatus } from '@platform/contracts';

@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(externalUserId: string, manager: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return manager.findOne(UserEntity, { where: { externalUserId } });
  }

  async get(externalUserId: string, manager?: EntityManager): Promise<UserEntity> {
    const user = await this.find(externalUserId, manager);
    if (!user) throw new DomainError('USER_NOT_FOUND', `user ${externalUserId} does not exist`);
    return user;
  }

  /** Row-locks the user for a state change inside the caller's transaction. */
  async lock(externalUserId: string, manager: EntityManager): Promise<UserEntity> {
    const user = await manager.findOne(UserEntity, { where: { externalUserId }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw new DomainError('USER_NOT_FOUND', `user ${externalUserId} does not exist`);
    return user;
  }

  /**
   * Moves a user forward inside the caller's transaction, only from one of `from`: commands and
   * webhooks race (the ACTIVE webhook may overtake the verification reply), and a user must never
   * move backwards. `changes` are applied together with the status. Returns the locked user and
   * whether it moved.
   */
  async advance(
    manager: EntityManager,
    externalUserId: string,
    from: readonly UserStatus[],
    to: UserStatus,
    changes: Partial<UserEntity> = {},
  ): Promise<{ user: UserEntity; moved: boolean }> {
    const user = await this.lock(externalUserId, manager);
    if (!from.includes(user.status)) return { user, moved: false };
    Object.assign(user, changes, { status: to, updatedAt: new Date() });
    await manager.save(UserEntity, user);
    return { user, moved: true };
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '@platform/contracts';
import { UserEntity } from './user.entity';

/** Reads users. Changes go through UserLifecycle, which locks the row with `lock`. */
@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(externalUserId: string, manager: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return manager.findOne(UserEntity, { where: { externalUserId } });
  }

  async get(externalUserId: string, manager?: EntityManager): Promise<UserEntity> {
    const user = await this.find(externalUserId, manager);
    if (!user) throw notFound(externalUserId);
    return user;
  }

  /** Row-locks the user for a state change inside the caller's transaction. */
  async lock(externalUserId: string, manager: EntityManager): Promise<UserEntity> {
    const user = await manager.findOne(UserEntity, { where: { externalUserId }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw notFound(externalUserId);
    return user;
  }
}

const notFound = (externalUserId: string) => new DomainError('USER_NOT_FOUND', `user ${externalUserId} does not exist`);

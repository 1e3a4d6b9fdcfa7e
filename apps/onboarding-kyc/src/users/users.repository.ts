import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '@platform/contracts';
import { UserEntity } from './user.entity';

/**
 * Reads users. Changes go through UserLifecycle, which locks the row with `lock`.
 *
 * GetUser is the gateway's hottest read: one SELECT by primary key, written out here rather than
 * built by TypeORM's query builder per call (which profiled at about a tenth of the service's
 * busy time per read). The column list comes from the entity's metadata, once, so it cannot
 * drift from the entity.
 */
@Injectable()
export class UsersRepository {
  private selectSql?: string;

  constructor(private readonly dataSource: DataSource) {}

  find(externalUserId: string, manager: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return this.selectOne(manager, externalUserId, '');
  }

  async get(externalUserId: string, manager?: EntityManager): Promise<UserEntity> {
    const user = await this.find(externalUserId, manager);
    if (!user) throw notFound(externalUserId);
    return user;
  }

  /** Row-locks the user for a state change inside the caller's transaction. */
  async lock(externalUserId: string, manager: EntityManager): Promise<UserEntity> {
    const user = await this.selectOne(manager, externalUserId, ' FOR UPDATE');
    if (!user) throw notFound(externalUserId);
    return user;
  }

  private async selectOne(manager: EntityManager, externalUserId: string, lock: '' | ' FOR UPDATE'): Promise<UserEntity | null> {
    const rows: Array<Record<string, unknown>> = await manager.query(`${this.select()} WHERE external_user_id = $1${lock}`, [externalUserId]);
    return rows[0] ? Object.assign(new UserEntity(), rows[0]) : null;
  }

  private select(): string {
    if (!this.selectSql) {
      const { columns, tableName } = this.dataSource.getMetadata(UserEntity);
      this.selectSql = `SELECT ${columns.map((c) => `"${c.databaseName}" AS "${c.propertyName}"`).join(', ')} FROM "${tableName}"`;
    }
    return this.selectSql;
  }
}

const notFound = (externalUserId: string) => new DomainError('USER_NOT_FOUND', `user ${externalUserId} does not exist`);

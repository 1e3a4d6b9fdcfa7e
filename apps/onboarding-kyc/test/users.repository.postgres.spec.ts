import { UserEntity } from '../src/users/user.entity';
import { UsersRepository } from '../src/users/users.repository';
import { onboardingTestbed, type OnboardingTestbed } from './onboarding-testbed';

// UsersRepository reads with its own SQL (the hot GetUser path); what it returns must be what
// TypeORM would have hydrated from the same row, field for field and type for type.
describe('UsersRepository on real Postgres', () => {
  let bed: OnboardingTestbed;
  let users: UsersRepository;
  beforeAll(async () => {
    bed = await onboardingTestbed();
    users = new UsersRepository(bed.dataSource);
  });
  afterAll(() => bed.drop());

  /** Whether some session waits on a lock the backend `pid` holds. */
  const blockedBy = async (pid: number): Promise<boolean> => {
    const [row]: Array<{ n: number }> = await bed.dataSource.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))', [pid]);
    return row!.n > 0;
  };

  it('reads a user exactly as TypeORM hydrates the entity, every column included', async () => {
    const id = await bed.givenUser({ status: 'ACTIVE', poaStatus: 'REQUIRED', suspended: true, kycVerificationId: 'kyc-1' });
    await bed.dataSource.query(`UPDATE users SET command_seq = 3, activated_at = now(), kyc_file_status = 'ADDED' WHERE external_user_id = $1`, [id]);

    const ours = await users.get(id);
    const typeorm = await bed.dataSource.manager.findOneByOrFail(UserEntity, { externalUserId: id });

    expect(ours).toBeInstanceOf(UserEntity);
    expect(ours).toEqual(typeorm);
    expect(Object.keys(ours).sort()).toEqual(bed.dataSource.getMetadata(UserEntity).columns.map((c) => c.propertyName).sort());
    expect(ours).toMatchObject({ commandSeq: 3, status: 'ACTIVE', poaStatus: 'REQUIRED', kycFileStatus: 'ADDED', kycVerificationId: 'kyc-1' });
    expect(ours.suspendedAt).toBeInstanceOf(Date);
  });

  it('answers null, or USER_NOT_FOUND, for a user that does not exist', async () => {
    await expect(users.find('nobody')).resolves.toBeNull();
    await expect(users.get('nobody')).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
  });

  it('locks the row: a second locker waits until the first transaction ends', async () => {
    const id = await bed.givenUser();
    const order: string[] = [];
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstLocked!: (pid: number) => void;
    const locked = new Promise<number>((resolve) => (firstLocked = resolve));

    const first = bed.dataSource.transaction(async (manager) => {
      await users.lock(id, manager);
      order.push('first locked');
      const [{ pid }]: Array<{ pid: number }> = await manager.query('SELECT pg_backend_pid() AS pid');
      firstLocked(pid);
      await firstHolds;
      order.push('first done');
    });
    const firstPid = await locked;
    const second = bed.dataSource.transaction(async (manager) => {
      await users.lock(id, manager);
      order.push('second locked');
    });
    // Until the second either takes the row or is seen waiting on a lock (no sleep: either ends it).
    while (order.length === 1 && !(await blockedBy(firstPid))) await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['first locked']);
    releaseFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(['first locked', 'first done', 'second locked']);
  });
});

import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { UserStatus, UserView } from '@platform/contracts';

/** An end user as onboarding knows it. Identity data lives at P100; we keep what we act on. */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn({ name: 'external_user_id', type: 'text' })
  externalUserId!: string;

  @Column({ name: 'p100_user_id', type: 'text', nullable: true })
  p100UserId!: string | null;

  @Column({ type: 'text' })
  status!: UserStatus;

  @Column({ name: 'poa_required', type: 'boolean', default: false })
  poaRequired!: boolean;

  @Column({ name: 'kyc_file_status', type: 'text', nullable: true })
  kycFileStatus!: 'ADDED' | 'ERROR' | null;

  @Column({ type: 'text' })
  country!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true })
  activatedAt!: Date | null;
}

export function toUserView(user: UserEntity): UserView {
  return {
    externalUserId: user.externalUserId,
    p100UserId: user.p100UserId,
    status: user.status,
    poaRequired: user.poaRequired,
    kycFileStatus: user.kycFileStatus,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    activatedAt: user.activatedAt?.toISOString() ?? null,
  };
}

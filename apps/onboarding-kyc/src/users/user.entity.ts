import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PoaStatus, UserModel, UserStatus, UserView } from '@platform/contracts';

/**
 * An end user as onboarding knows it. Identity and contact data live at P100; we keep what we
 * act on. Status, poaStatus and suspension change only through UserLifecycle.
 */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn({ name: 'external_user_id', type: 'text' })
  externalUserId!: string;

  @Column({ name: 'p100_user_id', type: 'text', nullable: true })
  p100UserId!: string | null;

  @Column({ type: 'text', default: 'KYC' })
  model!: UserModel;

  @Column({ type: 'text' })
  status!: UserStatus;

  @Column({ name: 'poa_status', type: 'text', default: 'NOT_REQUIRED' })
  poaStatus!: PoaStatus;

  @Column({ name: 'kyc_file_status', type: 'text', nullable: true })
  kycFileStatus!: 'ADDED' | 'ERROR' | null;

  /** The hosted KYC session (method B) the user was last sent to. */
  @Column({ name: 'kyc_verification_id', type: 'text', nullable: true })
  kycVerificationId!: string | null;

  @Column({ type: 'text' })
  country!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true })
  activatedAt!: Date | null;

  @Column({ name: 'suspended_at', type: 'timestamptz', nullable: true })
  suspendedAt!: Date | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  /** Commands settled on this user (P100 acted or refused): part of their intent keys (command-intent-keys.ts). */
  @Column({ name: 'command_seq', type: 'integer', default: 0 })
  commandSeq!: number;
}

export function toUserView(user: UserEntity): UserView {
  return {
    externalUserId: user.externalUserId,
    p100UserId: user.p100UserId,
    model: user.model,
    status: user.status,
    // Every POA state but NOT_REQUIRED means P100 asked for one (a POA country or high risk).
    poaRequired: user.poaStatus !== 'NOT_REQUIRED',
    poaStatus: user.poaStatus,
    kycFileStatus: user.kycFileStatus,
    kycVerificationId: user.kycVerificationId,
    suspended: user.suspendedAt !== null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    activatedAt: user.activatedAt?.toISOString() ?? null,
  };
}

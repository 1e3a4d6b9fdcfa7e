import type { P100Send } from '../request';
import type { Balances, MonthQuery, TransactionHistory } from '../types/balances';
import type {
  AddUserVerificationRequest,
  CreateUserRequest,
  CreateUserResponse,
  NonKycCreateUserRequest,
  NonKycCreateUserResponse,
  UpdateUserRequest,
} from '../types/users';

export class UsersResource {
  constructor(private readonly send: P100Send) {}

  create(input: CreateUserRequest): Promise<CreateUserResponse> {
    return this.send({ operation: 'createUserAccount', body: input });
  }

  /** Legacy non-KYC model; such users can never become KYC users. */
  createNonKyc(input: NonKycCreateUserRequest): Promise<NonKycCreateUserResponse> {
    return this.send({ operation: 'createNonKycUser', body: input });
  }

  /** Balances exist only after the user-status webhook reported ACTIVE. */
  getBalances(externalUserId: string): Promise<Balances> {
    return this.send({ operation: 'getUserBalances', pathParams: { externalUserId } });
  }

  /** Final onboarding step: starts the asynchronous KYC decision (lives in the kyc breaker group). */
  addVerification(input: AddUserVerificationRequest): Promise<unknown> {
    return this.send({ operation: 'addUserVerification', body: input });
  }

  getTransactionHistory(externalUserId: string, period: MonthQuery): Promise<TransactionHistory> {
    return this.send({ operation: 'getUserTransactionHistory', pathParams: { externalUserId }, query: { ...period } });
  }

  extend(externalUserId: string): Promise<unknown> {
    return this.send({ operation: 'extendUser', body: { externalUserId } });
  }

  update(externalUserId: string, changes: UpdateUserRequest): Promise<unknown> {
    return this.send({ operation: 'updateUser', pathParams: { externalUserId }, body: changes });
  }

  delete(externalUserId: string): Promise<unknown> {
    return this.send({ operation: 'deleteUser', pathParams: { externalUserId } });
  }

  suspend(externalUserId: string): Promise<unknown> {
    return this.send({ operation: 'suspendUser', pathParams: { externalUserId } });
  }

  unsuspend(externalUserId: string): Promise<unknown> {
    return this.send({ operation: 'unsuspendUser', pathParams: { externalUserId } });
  }
}

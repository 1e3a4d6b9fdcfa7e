import {
  ONBOARDING_COMMANDS_TOPIC,
  OnboardingCommands,
  addKycFilesSchema,
  balancesViewSchema,
  createUserSchema,
  userRefSchema,
  userViewSchema,
  type AddKycFilesInput,
  type BalancesView,
  type CreateUserInput,
  type UserRef,
  type UserView,
  type UsersProto,
} from '@platform/contracts';
import { sendCommand } from '../operations/command.handler';
import { defineOperation } from '../operations/operation';
import type { SameKeys, WithoutNulls } from '../grpc/message-types';
import { readKycUpload } from './kyc-upload';

const byUser = (input: { externalUserId: string }) => input.externalUserId;
const userPath = { externalUserId: 'our id of the end user (P100 externalUserId)' };
const GRPC = 'UsersService';

/** End users: onboarding and KYC (method A), forwarded to onboarding-kyc over Kafka. */
export const USER_OPERATIONS = [
  defineOperation<CreateUserInput, UserView>({
    name: 'users.create',
    tag: 'users',
    summary: 'Create an end user at P100 (status CREATED)',
    scope: 'users:write',
    idempotency: 'optional',
    input: createUserSchema,
    output: userViewSchema,
    rest: { method: 'POST', path: '/v1/users', successStatus: 201, body: 'json' },
    grpc: { service: GRPC, method: 'CreateUser' },
    handler: sendCommand(ONBOARDING_COMMANDS_TOPIC, OnboardingCommands.createUser, byUser),
  }),
  defineOperation<UserRef, UserView>({
    name: 'users.get',
    tag: 'users',
    summary: 'Read an end user and its onboarding status',
    scope: 'users:read',
    idempotency: 'none',
    input: userRefSchema,
    output: userViewSchema,
    rest: { method: 'GET', path: '/v1/users/:externalUserId', successStatus: 200, body: 'none', params: userPath },
    grpc: { service: GRPC, method: 'GetUser' },
    handler: sendCommand(ONBOARDING_COMMANDS_TOPIC, OnboardingCommands.getUser, byUser),
  }),
  defineOperation<AddKycFilesInput, UserView>({
    name: 'users.add-kyc-files',
    tag: 'users',
    summary: 'KYC method A: upload identity documents (multipart field "files", ≤3 files, ≤5 MB, JPEG/PNG/PDF)',
    scope: 'users:write',
    idempotency: 'optional',
    input: addKycFilesSchema,
    output: userViewSchema,
    rest: {
      method: 'POST',
      path: '/v1/users/:externalUserId/kyc-files',
      successStatus: 202,
      body: 'multipart',
      params: userPath,
      readInput: async (request, params) => ({ ...params, files: await readKycUpload(request) }),
    },
    grpc: {
      service: GRPC,
      method: 'AddKycFiles',
      toInput: (message) => ({ ...message, files: (message.files as UsersProto.KycFile[] | undefined)?.map(kycFileInput) }),
    },
    handler: sendCommand(ONBOARDING_COMMANDS_TOPIC, OnboardingCommands.addKycFiles, byUser),
  }),
  defineOperation<UserRef, UserView>({
    name: 'users.submit-verification',
    tag: 'users',
    summary: 'Submit the user for KYC verification; the decision arrives later (status ACTIVE)',
    scope: 'users:write',
    idempotency: 'optional',
    input: userRefSchema,
    output: userViewSchema,
    rest: { method: 'POST', path: '/v1/users/:externalUserId/verification', successStatus: 202, body: 'none', params: userPath },
    grpc: { service: GRPC, method: 'SubmitVerification' },
    handler: sendCommand(ONBOARDING_COMMANDS_TOPIC, OnboardingCommands.submitVerification, byUser),
  }),
  defineOperation<UserRef, BalancesView>({
    name: 'users.get-balances',
    tag: 'users',
    summary: 'Balances P100 holds for the user (amounts are decimal strings)',
    scope: 'users:read',
    idempotency: 'none',
    input: userRefSchema,
    output: balancesViewSchema,
    rest: { method: 'GET', path: '/v1/users/:externalUserId/balances', successStatus: 200, body: 'none', params: userPath },
    grpc: { service: GRPC, method: 'GetBalances' },
    handler: sendCommand(ONBOARDING_COMMANDS_TOPIC, OnboardingCommands.getBalances, byUser),
  }),
];

/** gRPC carries file bytes; the command carries base64, as the REST upload does. */
function kycFileInput(file: UsersProto.KycFile) {
  return { filename: file.filename, contentType: file.contentType?.toLowerCase(), dataBase64: file.data ? Buffer.from(file.data).toString('base64') : undefined };
}

// Drift between the proto messages and our schemas fails the type check, not a caller:
// the request messages have the inputs' fields, and the answers fit the response messages.
type Checks = [
  SameKeys<UsersProto.CreateUserRequest, CreateUserInput>,
  SameKeys<UsersProto.GetUserRequest, UserRef>,
  SameKeys<UsersProto.SubmitVerificationRequest, UserRef>,
  SameKeys<UsersProto.GetBalancesRequest, UserRef>,
  SameKeys<Omit<UsersProto.AddKycFilesRequest, 'files'>, Omit<AddKycFilesInput, 'files'>>,
  SameKeys<UsersProto.User, UserView>,
  SameKeys<UsersProto.Balance, BalancesView['fiat'][number]>,
  WithoutNulls<UserView> extends UsersProto.User ? true : never,
  WithoutNulls<BalancesView> extends UsersProto.Balances ? true : never,
];
export const userMessageChecks: Checks = [true, true, true, true, true, true, true, true, true];

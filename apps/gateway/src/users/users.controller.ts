import { Body, Controller, Get, Headers, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  ONBOARDING_COMMANDS_TOPIC,
  OnboardingCommands,
  createUserSchema,
  externalUserIdSchema,
  type BalancesView,
  type UserView,
} from '@platform/contracts';
import { parseInput } from '@platform/service';
import { ApiKeyGuard, type AuthenticatedRequest } from '../auth/api-key.guard';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { GatewayCommandBus } from '../messaging/command-bus.provider';
import { readKycUpload } from './kyc-upload';

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
const idempotencyHeader = { name: 'Idempotency-Key', required: false, description: 'Repeat a request safely: the same key returns the first answer' };

interface IdempotentCommand {
  idempotencyKey: string | undefined;
  /** What "the same request" means for this operation. */
  fingerprint: Record<string, unknown>;
  successStatus: number;
  type: string;
  payload: unknown;
  /** Kafka message key: the user, so one user's commands stay in order. */
  messageKey: string;
}

/** End users: onboarding and KYC (method A), forwarded to onboarding-kyc over Kafka. */
@ApiTags('users')
@ApiSecurity('api-key')
@UseGuards(ApiKeyGuard)
@Controller('v1/users')
export class UsersController {
  constructor(
    private readonly bus: GatewayCommandBus,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create an end user at P100 (status CREATED)' })
  @ApiBody({ schema: jsonSchema(createUserSchema) })
  @ApiHeader(idempotencyHeader)
  async create(
    @Req() req: AuthenticatedRequest,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const input = parseInput(createUserSchema, body);
    return this.sendOnce(req, reply, {
      idempotencyKey: key,
      fingerprint: { op: 'create-user', input },
      successStatus: 201,
      type: OnboardingCommands.createUser.type,
      payload: input,
      messageKey: input.externalUserId,
    });
  }

  @Get(':externalUserId')
  @ApiOperation({ summary: 'Read an end user and its onboarding status' })
  get(@Param('externalUserId') externalUserId: string): Promise<UserView> {
    const ref = this.ref(externalUserId);
    return this.send(OnboardingCommands.getUser.type, ref, ref.externalUserId);
  }

  @Post(':externalUserId/kyc-files')
  @ApiOperation({ summary: 'KYC method A: upload identity documents (multipart field "files", ≤3 files, ≤5 MB, JPEG/PNG/PDF)' })
  @ApiConsumes('multipart/form-data')
  @ApiHeader(idempotencyHeader)
  async addKycFiles(
    @Req() req: AuthenticatedRequest,
    @Param('externalUserId') externalUserId: string,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const ref = this.ref(externalUserId);
    const files = await readKycUpload(req);
    return this.sendOnce(req, reply, {
      idempotencyKey: key,
      fingerprint: { op: 'kyc-files', ref, files },
      successStatus: 202,
      type: OnboardingCommands.addKycFiles.type,
      payload: { ...ref, files },
      messageKey: ref.externalUserId,
    });
  }

  @Post(':externalUserId/verification')
  @ApiOperation({ summary: 'Submit the user for KYC verification; the decision arrives later (status ACTIVE)' })
  @ApiHeader(idempotencyHeader)
  async submitVerification(
    @Req() req: AuthenticatedRequest,
    @Param('externalUserId') externalUserId: string,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const ref = this.ref(externalUserId);
    return this.sendOnce(req, reply, {
      idempotencyKey: key,
      fingerprint: { op: 'verification', ref },
      successStatus: 202,
      type: OnboardingCommands.submitVerification.type,
      payload: ref,
      messageKey: ref.externalUserId,
    });
  }

  @Get(':externalUserId/balances')
  @ApiOperation({ summary: 'Balances P100 holds for the user (amounts are decimal strings)' })
  balances(@Param('externalUserId') externalUserId: string): Promise<BalancesView> {
    const ref = this.ref(externalUserId);
    return this.send(OnboardingCommands.getBalances.type, ref, ref.externalUserId);
  }

  private ref(externalUserId: string) {
    return parseInput(z.object({ externalUserId: externalUserIdSchema }), { externalUserId });
  }

  /**
   * A command with side effects, under Idempotency-Key semantics: the first answer for
   * (caller, key) is stored and replayed, and a reused key with a different request is refused.
   */
  private async sendOnce(req: AuthenticatedRequest, reply: FastifyReply, command: IdempotentCommand): Promise<unknown> {
    const result = await this.idempotency.run(req.caller!, command.idempotencyKey, command.fingerprint, command.successStatus, () =>
      this.send<UserView>(command.type, command.payload, command.messageKey),
    );
    void reply.status(result.status);
    return result.body;
  }

  private send<T>(type: string, payload: unknown, key: string): Promise<T> {
    return this.bus.request<T>(ONBOARDING_COMMANDS_TOPIC, type, payload, { key });
  }
}

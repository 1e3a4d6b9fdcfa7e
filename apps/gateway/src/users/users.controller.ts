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
    const result = await this.idempotency.run(req.caller!, key, { op: 'create-user', input }, 201, () =>
      this.send<UserView>(OnboardingCommands.createUser.type, input, input.externalUserId),
    );
    void reply.status(result.status);
    return result.body;
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
    const result = await this.idempotency.run(req.caller!, key, { op: 'kyc-files', ref, files }, 202, () =>
      this.send<UserView>(OnboardingCommands.addKycFiles.type, { ...ref, files }, ref.externalUserId),
    );
    void reply.status(result.status);
    return result.body;
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
    const result = await this.idempotency.run(req.caller!, key, { op: 'verification', ref }, 202, () =>
      this.send<UserView>(OnboardingCommands.submitVerification.type, ref, ref.externalUserId),
    );
    void reply.status(result.status);
    return result.body;
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

  private send<T>(type: string, payload: unknown, key: string): Promise<T> {
    return this.bus.request<T>(ONBOARDING_COMMANDS_TOPIC, type, payload, { key });
  }
}

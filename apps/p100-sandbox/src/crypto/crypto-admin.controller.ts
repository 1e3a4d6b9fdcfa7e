import { Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AdminKeyGuard } from '../admin/admin-key.guard';
import { exactJsonBody } from '../money/exact-json';
import { TriggerCryptoDepositHandler, type TriggeredCryptoDeposit } from './trigger-crypto-deposit.handler';

/** Admin: what only the blockchain can cause on the crypto side. */
@ApiTags('admin')
@ApiHeader({ name: 'x-admin-key', required: false, description: 'required when P100_SANDBOX_ADMIN_KEY is set' })
@UseGuards(AdminKeyGuard)
@Controller('admin/crypto')
export class CryptoAdminController {
  constructor(private readonly triggerDeposit: TriggerCryptoDepositHandler) {}

  @Post('deposits')
  @HttpCode(201)
  @ApiOperation({ summary: 'An incoming crypto deposit (to a user, or to the partner without externalUserId)' })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['currency', 'amount'],
      example: { externalUserId: 'f47ac10b-58cc-4372-a567-0e02b2c3d479', currency: 'eth', amount: '0.05', outcome: 'success' },
    },
  })
  postDeposit(@Req() request: FastifyRequest): Promise<TriggeredCryptoDeposit> {
    return this.triggerDeposit.execute(exactJsonBody(request));
  }
}

import { Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AdminKeyGuard } from '../admin/admin-key.guard';
import { exactJsonBody } from '../money/exact-json';
import { TriggerSepaDepositHandler, type TriggeredSepaDeposit } from './trigger-sepa-deposit.handler';

/** Admin: what only P100's bank can cause on the SEPA side. */
@ApiTags('admin')
@ApiHeader({ name: 'x-admin-key', required: false, description: 'required when P100_SANDBOX_ADMIN_KEY is set' })
@UseGuards(AdminKeyGuard)
@Controller('admin/sepa')
export class SepaAdminController {
  constructor(private readonly triggerDeposit: TriggerSepaDepositHandler) {}

  @Post('deposits')
  @HttpCode(201)
  @ApiOperation({ summary: 'An incoming SEPA deposit (to a user, or to the partner without externalUserId): PENDING, then the name check' })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['amount', 'senderName', 'senderIban'],
      example: { externalUserId: 'f47ac10b-58cc-4372-a567-0e02b2c3d479', amount: '250.00', senderName: 'Jan Kowalski', senderIban: 'PL61109010140000071219812874' },
    },
  })
  postDeposit(@Req() request: FastifyRequest): Promise<TriggeredSepaDeposit> {
    return this.triggerDeposit.execute(exactJsonBody(request));
  }
}

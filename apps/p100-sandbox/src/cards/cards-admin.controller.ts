import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminKeyGuard } from '../admin/admin-key.guard';
import { SendCardCodeHandler } from './send-card-code.handler';
import { TriggerCardTransactionHandler } from './trigger-card-transaction.handler';

/** Triggers for card events only P100 can cause; answers use the platform error body. */
@ApiTags('admin')
@ApiHeader({ name: 'x-admin-key', required: false, description: 'required when P100_SANDBOX_ADMIN_KEY is set' })
@UseGuards(AdminKeyGuard)
@Controller('admin/cards')
export class CardsAdminController {
  constructor(
    private readonly transactions: TriggerCardTransactionHandler,
    private readonly codes: SendCardCodeHandler,
  ) {}

  @Post(':cardId/transactions')
  @HttpCode(201)
  @ApiOperation({ summary: 'A card payment: authorised against status, limits and EUR balance; webhook card-transaction' })
  @ApiBody({ schema: { type: 'object', required: ['amount'], example: { amount: '12.50', merchantName: 'Coffee Shop', channel: 'POS' } } })
  postTransaction(@Param('cardId') cardId: string, @Body() body: unknown) {
    return this.transactions.execute(cardId, body);
  }

  @Post(':cardId/3ds-code')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a 3-D Secure code (webhook card-3ds-code)' })
  @ApiBody({ schema: { type: 'object', required: ['amount'], example: { amount: '49.99', merchantName: 'Web Shop' } } })
  post3dsCode(@Param('cardId') cardId: string, @Body() body: unknown) {
    return this.codes.threeDs(cardId, body);
  }

  @Post(':cardId/activation-code')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a digital-wallet activation code (webhook card-activation-code)' })
  postActivationCode(@Param('cardId') cardId: string) {
    return this.codes.activation(cardId);
  }
}

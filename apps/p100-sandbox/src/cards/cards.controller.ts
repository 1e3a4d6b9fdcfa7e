import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { exactJsonBody } from '../money/exact-json';
import { ChangeCardStatusHandler } from './change-card-status.handler';
import { CreateVirtualCardHandler } from './create-virtual-card.handler';
import { GetCardDetailsHandler } from './get-card-details.handler';
import { GetCardLimitsHandler } from './get-card-limits.handler';
import { ListUserCardsHandler } from './list-user-cards.handler';
import { UpdateCardLimitsHandler } from './update-card-limits.handler';
import { UpdateCardPinHandler } from './update-card-pin.handler';

const CARD_REF = { type: 'object', required: ['externalUserId', 'cardId'], properties: { externalUserId: { type: 'string' }, cardId: { type: 'string' } } };

/** Virtual cards (#50–58). Paths and methods of #53–58 come from client code (inferred). */
@ApiTags('P100 · Virtual Cards')
@ApiSecurity('api-key')
@UseGuards(ApiKeyGuard)
@Controller('v1/card')
export class CardsController {
  constructor(
    private readonly create: CreateVirtualCardHandler,
    private readonly list: ListUserCardsHandler,
    private readonly details: GetCardDetailsHandler,
    private readonly pin: UpdateCardPinHandler,
    private readonly status: ChangeCardStatusHandler,
    private readonly limits: GetCardLimitsHandler,
    private readonly updateLimits: UpdateCardLimitsHandler,
  ) {}

  @Post('virtual')
  @HttpCode(200)
  @ApiOperation({ summary: 'Create Virtual Card (#50)' })
  @ApiBody({ schema: { type: 'object', required: ['externalUserId', 'label', 'pin'], example: { externalUserId: 'user-1', label: 'Travel', pin: '1234' } } })
  createVirtualCard(@Body() body: unknown) {
    return this.create.execute(body);
  }

  /**
   * openapi.yaml files Delete Card under /v1/card/virtual, while its own summary and
   * endpoints.md say the client code calls DELETE /v1/card: the sandbox follows the yaml.
   */
  @Delete('virtual')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delete Card (#58; openapi path /v1/card/virtual, client code /v1/card)' })
  @ApiBody({ schema: CARD_REF })
  deleteCard(@Body() body: unknown) {
    return this.status.execute('delete', body);
  }

  @Get('all/:externalUserId')
  @ApiOperation({ summary: 'Get All User Cards (#51)' })
  getAllUserCards(@Param('externalUserId') externalUserId: string) {
    return this.list.execute(externalUserId);
  }

  @Get('details/:externalUserId/:cardId')
  @ApiOperation({ summary: 'Get Card Details (#52): PAN, CVV, expiry' })
  getCardDetails(@Param('externalUserId') externalUserId: string, @Param('cardId') cardId: string) {
    return this.details.execute(externalUserId, cardId);
  }

  @Patch('pin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Update Card PIN (#53)' })
  @ApiBody({ schema: { ...CARD_REF, required: [...CARD_REF.required, 'pin'] } })
  updateCardPin(@Body() body: unknown) {
    return this.pin.execute(body);
  }

  @Patch('block')
  @HttpCode(200)
  @ApiOperation({ summary: 'Block Card (#54): temporary' })
  @ApiBody({ schema: CARD_REF })
  blockCard(@Body() body: unknown) {
    return this.status.execute('block', body);
  }

  @Patch('unblock')
  @HttpCode(200)
  @ApiOperation({ summary: 'Unblock Card (#55)' })
  @ApiBody({ schema: CARD_REF })
  unblockCard(@Body() body: unknown) {
    return this.status.execute('unblock', body);
  }

  @Get('limits/:externalUserId/:cardId')
  @ApiOperation({ summary: 'Get Card Limits (#56)' })
  getCardLimits(@Param('externalUserId') externalUserId: string, @Param('cardId') cardId: string) {
    return this.limits.execute(externalUserId, cardId);
  }

  @Patch('limits')
  @HttpCode(200)
  @ApiOperation({ summary: 'Update Card Limits (#57): the six limits, effective immediately' })
  @ApiBody({ schema: { ...CARD_REF, example: { externalUserId: 'user-1', cardId: '…', dailyTrxAll: 1500, monthlyTrxAll: 5000 } } })
  updateCardLimits(@Req() request: FastifyRequest) {
    return this.updateLimits.execute(exactJsonBody(request));
  }
}

import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { exactJsonBody } from '../money/exact-json';
import { CreateCryptoWithdrawalHandler, type WithdrawalIdResponse } from './create-crypto-withdrawal.handler';
import type { CryptoWithdrawalDetails } from './crypto-withdrawal.view';
import { GetCryptoWithdrawalDetailsHandler } from './get-crypto-withdrawal-details.handler';
import { GetNetworkFeeHandler } from './get-network-fee.handler';
import { UpdateTravelRuleHandler } from './update-travel-rule.handler';

const WITHDRAWAL_EXAMPLE = {
  currency: 'usdc',
  network: 'POLYGON',
  amount: 25.5,
  walletAddress: '0xE353464eBa01d651c16D8879cbCaE1C80568705C',
  name: 'Jan Kowalski',
  walletType: 'NON_CUSTODIAL',
  receiverType: 'NATURAL',
};
const TRAVEL_RULE_EXAMPLE = { cryptoDepositId: 'facc5951-bdc8-46bc-a01c-9b36f25be6af', name: 'Anna Nowak', walletType: 'CUSTODIAL', senderType: 'NATURAL' };

/** P100 crypto withdrawal and deposit operations (endpoints.md #12–15, #44–47). */
@ApiTags('P100 · Crypto')
@ApiSecurity('api-key')
@UseGuards(ApiKeyGuard)
@Controller('v1')
export class CryptoController {
  constructor(
    private readonly networkFee: GetNetworkFeeHandler,
    private readonly createWithdrawal: CreateCryptoWithdrawalHandler,
    private readonly withdrawalDetails: GetCryptoWithdrawalDetailsHandler,
    private readonly travelRule: UpdateTravelRuleHandler,
  ) {}

  @Get('crypto-withdrawal/get-network-fee')
  @ApiOperation({ summary: 'Get Network Fee (#12 / #44); P410 for an unknown currency' })
  @ApiQuery({ name: 'currency', required: true, example: 'eth' })
  @ApiQuery({ name: 'network', required: false, enum: ['polygon'] })
  getNetworkFee(@Query() query: unknown) {
    return this.networkFee.execute(query);
  }

  @Post('partner/crypto-withdrawal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Create Crypto Withdrawal from the partner balance (#13, path inferred)' })
  @ApiBody({ schema: { type: 'object', example: WITHDRAWAL_EXAMPLE } })
  createPartnerCryptoWithdrawal(@Req() request: FastifyRequest): Promise<WithdrawalIdResponse> {
    return this.createWithdrawal.forPartner(exactJsonBody(request));
  }

  @Post('crypto-withdrawal')
  @HttpCode(200)
  @ApiOperation({ summary: "Create Crypto Withdrawal from a user's balance (#45)" })
  @ApiBody({ schema: { type: 'object', example: { sourceExternalUserId: 'f47ac10b-58cc-4372-a567-0e02b2c3d479', ...WITHDRAWAL_EXAMPLE } } })
  createCryptoWithdrawal(@Req() request: FastifyRequest): Promise<WithdrawalIdResponse> {
    return this.createWithdrawal.forUser(exactJsonBody(request));
  }

  @Get('crypto-withdrawal/details/:withdrawalId')
  @ApiOperation({ summary: 'Get Crypto Withdrawal Details, partner or user (#14 / #46)' })
  getCryptoWithdrawalDetails(@Param('withdrawalId') withdrawalId: string): Promise<CryptoWithdrawalDetails> {
    return this.withdrawalDetails.execute(withdrawalId);
  }

  @Patch('partner/crypto-deposit/travel-rule')
  @HttpCode(200)
  @ApiOperation({ summary: 'Update Travel Rule for a partner deposit in WAITING_FOR_TR_DATA (#15, inferred)' })
  @ApiBody({ schema: { type: 'object', example: TRAVEL_RULE_EXAMPLE } })
  partnerUpdateTravelRule(@Body() body: unknown) {
    return this.travelRule.forPartner(body);
  }

  @Patch('crypto-deposit/travel-rule')
  @HttpCode(200)
  @ApiOperation({ summary: 'Update Travel Rule for a user deposit in WAITING_FOR_TR_DATA (#47, inferred)' })
  @ApiBody({ schema: { type: 'object', example: TRAVEL_RULE_EXAMPLE } })
  updateTravelRule(@Body() body: unknown) {
    return this.travelRule.forUser(body);
  }
}

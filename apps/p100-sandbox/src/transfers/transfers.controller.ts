import { Controller, Get, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CreateTransferHandler } from './create-transfer.handler';
import { GetTransferDetailsHandler } from './get-transfer-details.handler';
import type { TransferView } from './transfer.view';

@ApiTags('P100 · Internal Transfers')
@ApiSecurity('api-key')
@UseGuards(ApiKeyGuard)
@Controller('v1')
export class TransfersController {
  constructor(
    private readonly create: CreateTransferHandler,
    private readonly details: GetTransferDetailsHandler,
  ) {}

  @Post('transfer')
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a Transfer (endpoints.md #48): partner ↔ one user; P424 unless exactly one user id' })
  @ApiBody({ schema: { type: 'object', example: { destinationExternalUserId: 'user-1', amount: '10.5', currency: 'eur' } } })
  createTransfer(@Req() request: FastifyRequest): Promise<{ transferId: string }> {
    return this.create.internal(request);
  }

  @Post('partner/transfer')
  @HttpCode(201)
  @ApiOperation({ summary: 'Create transfer master balance (endpoints.md L3; path and body inferred): tops up the partner balance' })
  @ApiBody({ schema: { type: 'object', example: { amount: '1000', currency: 'eur' } } })
  createMasterBalanceTransfer(@Req() request: FastifyRequest): Promise<{ transferId: string }> {
    return this.create.masterBalance(request);
  }

  @Get('transfer/details/:transferId')
  @ApiOperation({ summary: 'Get Transfer Details (endpoints.md #49)' })
  getTransferDetails(@Param('transferId') transferId: string): Promise<TransferView> {
    return this.details.execute(transferId);
  }
}

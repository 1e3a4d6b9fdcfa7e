import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CreateWalletHandler, type CreateWalletView } from './create-wallet.handler';

@ApiTags('P100 · Partner Operations')
@ApiSecurity('api-key')
@UseGuards(ApiKeyGuard)
@Controller('v1/partner/wallet')
export class WalletsController {
  constructor(private readonly handler: CreateWalletHandler) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create Wallet (endpoints.md #3; path and body inferred); then the Create Wallet webhook' })
  @ApiBody({ schema: { type: 'object', example: { currency: 'usdc', network: 'polygon' } } })
  createWallet(@Body() body: unknown): Promise<CreateWalletView> {
    return this.handler.execute(body);
  }
}

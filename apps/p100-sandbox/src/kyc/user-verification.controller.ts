import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { AddUserVerificationHandler } from './add-user-verification.handler';

@ApiTags('P100 · User Onboarding & KYC')
@ApiSecurity('api-key')
@UseGuards(ApiKeyGuard)
@Controller('v1/user/verification')
export class UserVerificationController {
  constructor(private readonly handler: AddUserVerificationHandler) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Add User Verification (endpoints.md #28): starts the asynchronous KYC decision' })
  @ApiBody({ schema: { type: 'object', required: ['externalUserId'], properties: { externalUserId: { type: 'string' } } } })
  addUserVerification(@Body() body: unknown): Promise<Record<string, never>> {
    return this.handler.execute(body);
  }
}

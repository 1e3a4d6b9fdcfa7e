import { Body, Controller, Delete, HttpCode, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CreateNonKycUserHandler } from './create-non-kyc-user.handler';
import { DeleteUserHandler } from './delete-user.handler';
import { ExtendUserHandler } from './extend-user.handler';
import { SuspendUserHandler } from './suspend-user.handler';
import { UnsuspendUserHandler } from './unsuspend-user.handler';
import { UpdateUserHandler } from './update-user.handler';

/** Account management and the legacy user operations. Paths marked (inferred) follow openapi.yaml. */
@ApiTags('P100 · User Onboarding & KYC')
@ApiSecurity('api-key')
@UseGuards(ApiKeyGuard)
@Controller('v1/user')
export class AccountController {
  constructor(
    private readonly createNonKyc: CreateNonKycUserHandler,
    private readonly extend: ExtendUserHandler,
    private readonly update: UpdateUserHandler,
    private readonly remove: DeleteUserHandler,
    private readonly suspend: SuspendUserHandler,
    private readonly unsuspend: UnsuspendUserHandler,
  ) {}

  @Post('balances/crypto')
  @HttpCode(201)
  @ApiOperation({ summary: 'Create User Account and Generate Balances Without KYC (legacy L1)' })
  @ApiBody({ schema: { type: 'object', required: ['externalUserId', 'email', 'firstName', 'lastName', 'country'] } })
  createNonKycUser(@Body() body: unknown) {
    return this.createNonKyc.execute(body);
  }

  @Post('extend')
  @HttpCode(201)
  @ApiOperation({ summary: 'Extend user (legacy L2; path (inferred))' })
  @ApiBody({ schema: { type: 'object', required: ['externalUserId'], properties: { externalUserId: { type: 'string' } } } })
  extendUser(@Body() body: unknown) {
    return this.extend.execute(body);
  }

  @Patch('suspend/:externalUserId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Suspend User (#32; path (inferred)); P454 with active cards' })
  suspendUser(@Param('externalUserId') externalUserId: string) {
    return this.suspend.execute(externalUserId);
  }

  @Patch('unsuspend/:externalUserId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Unsuspend User (#33; path (inferred))' })
  unsuspendUser(@Param('externalUserId') externalUserId: string) {
    return this.unsuspend.execute(externalUserId);
  }

  @Patch(':externalUserId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Update Existing User (#30; path (inferred)): email, phone, street, number, city, postCode' })
  @ApiBody({ schema: { type: 'object', properties: { email: { type: 'string' }, phone: { type: 'string' }, street: { type: 'string' }, city: { type: 'string' } } } })
  updateUser(@Param('externalUserId') externalUserId: string, @Body() body: unknown) {
    return this.update.execute(externalUserId, body);
  }

  @Delete(':externalUserId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delete User (#31; path (inferred)): permanent' })
  deleteUser(@Param('externalUserId') externalUserId: string) {
    return this.remove.execute(externalUserId);
  }
}

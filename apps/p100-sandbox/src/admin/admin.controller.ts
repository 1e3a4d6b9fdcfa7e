import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminKeyGuard } from './admin-key.guard';
import { GetUserStateHandler } from './get-user-state.handler';
import { ListWebhookDeliveriesHandler } from './list-webhook-deliveries.handler';
import { RedeliverWebhookHandler } from './redeliver-webhook.handler';
import { ResetSandboxHandler } from './reset-sandbox.handler';
import { SetKycDecisionHandler } from './set-kyc-decision.handler';

/**
 * The sandbox's own controls; not part of P100. Errors use the platform's body. Fault injection
 * and event triggers join here as further handlers.
 */
@ApiTags('admin')
@ApiHeader({ name: 'x-admin-key', required: false, description: 'required when P100_SANDBOX_ADMIN_KEY is set' })
@UseGuards(AdminKeyGuard)
@Controller('admin')
export class AdminController {
  constructor(
    private readonly setKycDecision: SetKycDecisionHandler,
    private readonly getUserState: GetUserStateHandler,
    private readonly listDeliveries: ListWebhookDeliveriesHandler,
    private readonly redeliver: RedeliverWebhookHandler,
    private readonly reset: ResetSandboxHandler,
  ) {}

  @Put('users/:externalUserId/kyc-decision')
  @ApiOperation({ summary: "Fix the outcome of the user's KYC decisions (approve, reject, poa_required)" })
  @ApiBody({ schema: { type: 'object', required: ['decision'], properties: { decision: { enum: ['approve', 'reject', 'poa_required'] } } } })
  putKycDecision(@Param('externalUserId') externalUserId: string, @Body() body: unknown) {
    return this.setKycDecision.execute(externalUserId, body);
  }

  @Get('users/:externalUserId')
  @ApiOperation({ summary: "A user's onboarding state: status, KYC files, verifications" })
  getUser(@Param('externalUserId') externalUserId: string) {
    return this.getUserState.execute(externalUserId);
  }

  @Get('webhooks/deliveries')
  @ApiOperation({ summary: 'Webhook deliveries with their attempts; filters externalUserId, event, status, limit' })
  getDeliveries(@Query() query: unknown) {
    return this.listDeliveries.execute(query);
  }

  @Post('webhooks/deliveries/:id/redeliver')
  @HttpCode(202)
  @ApiOperation({ summary: "Send a delivery's payload again as a new delivery" })
  postRedeliver(@Param('id') id: string) {
    return this.redeliver.execute(id);
  }

  @Post('reset')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delete all sandbox state (users, balances, decisions, deliveries, faults, webhook drops)' })
  postReset() {
    return this.reset.execute();
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Put, UseGuards } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminKeyGuard } from '../admin/admin-key.guard';
import { ClearWebhookDropsHandler } from './clear-webhook-drops.handler';
import { ListWebhookDropsHandler } from './list-webhook-drops.handler';
import { PutWebhookDropHandler } from './put-webhook-drop.handler';
import { PAYLOAD_USER_FIELDS } from './webhook-drop-settings';

/** "P100 never delivers this webhook": for tests of the platform's reconciliation by polling. */
@ApiTags('admin')
@ApiHeader({ name: 'x-admin-key', required: false, description: 'required when P100_SANDBOX_ADMIN_KEY is set' })
@UseGuards(AdminKeyGuard)
@Controller('admin/webhooks/drops')
export class WebhookDropsController {
  constructor(
    private readonly putDrop: PutWebhookDropHandler,
    private readonly listDrops: ListWebhookDropsHandler,
    private readonly clearDrops: ClearWebhookDropsHandler,
  ) {}

  @Put(':event')
  @ApiOperation({ summary: 'Drop the next `count` webhooks of a catalog event: recorded as `dropped`, never sent' })
  @ApiBody({
    required: false,
    schema: {
      type: 'object',
      example: { count: 1, externalUserId: 'user-123' },
      properties: {
        count: { type: 'integer', minimum: 1, maximum: 1000, default: 1 },
        externalUserId: { type: 'string', description: `only webhooks whose payload names this user (${PAYLOAD_USER_FIELDS.join(', ')})` },
      },
    },
  })
  put(@Param('event') event: string, @Body() body: unknown) {
    return this.putDrop.execute(event, body);
  }

  @Get()
  @ApiOperation({ summary: 'The webhook drops, with the webhooks each still drops (`remaining`)' })
  list() {
    return this.listDrops.execute();
  }

  @Delete()
  @HttpCode(200)
  @ApiOperation({ summary: 'Clear every webhook drop' })
  clear() {
    return this.clearDrops.execute();
  }
}

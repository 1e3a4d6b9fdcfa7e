import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { z } from 'zod';
import { DomainError } from '@platform/contracts';
import { parseInput } from '@platform/service';
import { AdminAuthGuard } from './admin-auth.guard';
import { ReceivedWebhooksQueries } from './received-webhooks.queries';
import { ReplayWebhooksHandler } from './replay-webhooks.handler';
import { listQuery, replayBody } from './webhook-filters';

const idParam = z.uuid();
const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** Operator API over the webhook inbox: list, inspect, replay; quarantine list. See docs/webhooks.md. */
@ApiExcludeController()
@UseGuards(AdminAuthGuard)
@Controller('admin')
export class WebhookAdminController {
  constructor(
    private readonly queries: ReceivedWebhooksQueries,
    private readonly replayer: ReplayWebhooksHandler,
  ) {}

  @Get('webhooks')
  async list(@Query() query: unknown) {
    return { items: await this.queries.list(parseInput(listQuery, query)) };
  }

  @Get('webhooks/:id')
  async inspect(@Param('id') id: string) {
    const found = await this.queries.get(parseInput(idParam, id));
    if (!found) throw new DomainError('NOT_FOUND', `no stored webhook ${id}`);
    return found;
  }

  @Post('webhooks/replay')
  @HttpCode(202)
  async replay(@Body() body: unknown) {
    return this.replayer.replay(parseInput(replayBody, body));
  }

  @Get('quarantine')
  async quarantined(@Query() query: unknown) {
    const { limit, offset } = parseInput(pageQuery, query);
    return { items: await this.queries.listQuarantined(limit, offset) };
  }
}

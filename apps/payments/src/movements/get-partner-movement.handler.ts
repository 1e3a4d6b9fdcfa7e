import { Injectable } from '@nestjs/common';
import { partnerMovementRefSchema, type MovementView, type PartnerMovementRef } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { MovementsRepository } from './movements.repository';
import { toMovementView } from './movement';

/** One of the partner's own movements (orders, payment links, partner deposits); a user's id answers as not found. */
@Injectable()
export class GetPartnerMovementHandler implements CommandHandler<PartnerMovementRef, MovementView> {
  readonly schema = partnerMovementRefSchema;

  constructor(private readonly movements: MovementsRepository) {}

  async handle({ movementId }: PartnerMovementRef): Promise<MovementView> {
    return toMovementView(await this.movements.getForOwner(null, movementId));
  }
}

import { Injectable } from '@nestjs/common';
import { movementRefSchema, type MovementRef, type MovementView } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { MovementsRepository } from './movements.repository';
import { toMovementView } from './movement';

/** A movement as the platform knows it (its details, whatever its kind). */
@Injectable()
export class GetMovementHandler implements CommandHandler<MovementRef, MovementView> {
  readonly schema = movementRefSchema;

  constructor(private readonly movements: MovementsRepository) {}

  async handle({ externalUserId, movementId }: MovementRef): Promise<MovementView> {
    return toMovementView(await this.movements.getForOwner(externalUserId, movementId));
  }
}

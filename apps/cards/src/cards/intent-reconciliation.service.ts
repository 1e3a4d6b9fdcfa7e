import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RunningIntentReconciler } from '@platform/database';
import { CARDS_CONFIG, type CardsConfig } from '../cards.config';
import { CreateCardResolver } from './create-card.resolver';

/** The cards service's P100 side effects whose answer can be lost: card creation. */
@Injectable()
export class IntentReconciliationService extends RunningIntentReconciler {
  constructor(dataSource: DataSource, createCard: CreateCardResolver, @Inject(CARDS_CONFIG) config: CardsConfig) {
    super(dataSource, [createCard], config);
  }
}

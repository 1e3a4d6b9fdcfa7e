import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CurrentRates, rateMapView } from './current-rates';

/** Retrieve Exchange Rate (#4 partner, #36 user): indicative, reserves nothing. */
@Injectable()
export class GetRatesHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly currentRates: CurrentRates,
  ) {}

  async execute(): Promise<Record<string, number>> {
    return rateMapView(await this.dataSource.transaction((tx) => this.currentRates.read(tx)));
  }
}

import { Injectable } from '@nestjs/common';
import { CURRENCY_NETWORKS, networkFeeQuerySchema, resolveNetwork, type NetworkFeeQuery, type NetworkFeeView } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client } from '@platform/p100-client';

/** The network fee P100 adds to a withdrawal now (its service fee comes on top). */
@Injectable()
export class GetNetworkFeeHandler implements CommandHandler<NetworkFeeQuery, NetworkFeeView> {
  readonly schema = networkFeeQuerySchema;

  constructor(private readonly p100: P100Client) {}

  async handle({ currency, network }: NetworkFeeQuery): Promise<NetworkFeeView> {
    // The query schema refused a network the currency does not go over.
    const resolved = resolveNetwork(currency, network)!;
    // P100 takes `network` only to pick Polygon for a token on two networks (usdc/usdt); it
    // refuses it for a single-network coin (P403).
    const twoNetworks = (CURRENCY_NETWORKS[currency]?.length ?? 0) > 1;
    const { networkFee } = await this.p100.crypto.getNetworkFee({ currency, ...(twoNetworks && resolved === 'polygon' ? { network: 'polygon' as const } : {}) });
    return { currency, network: resolved, networkFee: String(networkFee) };
  }
}

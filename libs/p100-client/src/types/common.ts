/**
 * A decimal number as a string, e.g. "0.1000000000000000055511". Every JSON number P100 sends is
 * read into one (exactly, see json.ts); amounts we send are decimals too.
 */
export type Decimal = string;

/** The id P100 returns when it queues a transfer. */
export interface TransferIdResponse {
  transferId: string;
}


import { type CostState } from "./cost-state";
import { type IncomingUnits, receive, type Valued } from "./movements";
import type { ConsumedLayer } from "./valuation";

/**
 * The layers a transfer makes at the receiving site from what its issue took at the source: each carries its
 * layer's exact cost and first receipt date (so ageing does not restart), under a new id `<transferId>:<layerId>`.
 */
export function transferLayers(consumed: readonly ConsumedLayer[], transferId: string): IncomingUnits[] {
  return consumed.map(({ layerId, receivedAt, quantity, cost }) => ({
    layerId: `${transferId}:${layerId}`,
    quantity,
    at: receivedAt,
    totalCost: cost,
  }));
}

/** Receives every layer of a transfer at the destination, in order; one valuation per layer. */
export function receiveTransfer(
  state: CostState,
  consumed: readonly ConsumedLayer[],
  transferId: string,
): { state: CostState; valuations: Valued["valuation"][] } {
  const valuations: Valued["valuation"][] = [];
  let current = state;
  for (const layer of transferLayers(consumed, transferId)) {
    const received = receive(current, layer);
    current = received.state;
    valuations.push(received.valuation);
  }
  return { state: current, valuations };
}

/** Units that can still be sold: on hand minus what is reserved (a missing row holds none). */
export const availableStock = (inventory: { onHand: number; reserved: number } | null) =>
  Math.max(0, (inventory?.onHand ?? 0) - (inventory?.reserved ?? 0));

/**
 * Puts `item` in a slot of `items` that was freed earlier (the free list `free` names it), or in a
 * new slot at the end; returns the slot. Slots are reused last freed, first taken.
 */
export function storeInFreeSlot<T>(items: T[], free: number[], item: T): number {
  const slot = free.pop();
  if (slot !== undefined) {
    items[slot] = item;
    return slot;
  }
  items.push(item);
  return items.length - 1;
}

/**
 * The binary min-heap under both the event calendar and a resource's priority queue: entries are
 * (primary, secondary, value) triples in three parallel typed arrays, ordered by primary then
 * secondary (the calendar's time and packed priority-sequence key; a resource's priority and arrival
 * sequence), the value carried along (an event slot; a request id). Written once, over Float64Array
 * only: with one array type at every call site the element accesses stay monomorphic on this hot
 * path (a request id carries a generation beyond 2^31, so the value array cannot be an Int32Array).
 * One exception, measured: the calendar's `push` keeps its own copy of `siftUp` (see calendar.ts).
 */

/** Places (primary, secondary, value) at index `i` (the heap's new last place) and sifts it up. */
export function siftUp(
  primaries: Float64Array,
  secondaries: Float64Array,
  values: Float64Array,
  i: number,
  primary: number,
  secondary: number,
  value: number,
): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const pp = primaries[parent];
    if (pp < primary || (pp === primary && secondaries[parent] < secondary)) break;
    primaries[i] = pp;
    secondaries[i] = secondaries[parent];
    values[i] = values[parent];
    i = parent;
  }
  primaries[i] = primary;
  secondaries[i] = secondary;
  values[i] = value;
}

/**
 * After the root is taken from a heap that now holds `n` entries (n ≥ 1): moves the former last
 * entry, at index `n`, into the root's place and sifts it down.
 */
export function siftLastDown(
  primaries: Float64Array,
  secondaries: Float64Array,
  values: Float64Array,
  n: number,
): void {
  const primary = primaries[n];
  const secondary = secondaries[n];
  const value = values[n];
  let i = 0;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    const r = c + 1;
    if (
      r < n &&
      (primaries[r] < primaries[c] || (primaries[r] === primaries[c] && secondaries[r] < secondaries[c]))
    )
      c = r;
    const pc = primaries[c];
    if (primary < pc || (primary === pc && secondary < secondaries[c])) break;
    primaries[i] = pc;
    secondaries[i] = secondaries[c];
    values[i] = values[c];
    i = c;
  }
  primaries[i] = primary;
  secondaries[i] = secondary;
  values[i] = value;
}

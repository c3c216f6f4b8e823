/** Growth of the typed arrays behind the calendar and the resource store (cold paths only). */

type Growable =
  | Float64Array<ArrayBuffer>
  | Int32Array<ArrayBuffer>
  | Uint32Array<ArrayBuffer>
  | Uint8Array<ArrayBuffer>;

/** A copy of `a` twice as long (the new half zero). */
export function grown<A extends Growable>(a: A): A {
  const b = new (a.constructor as new (length: number) => A)(a.length * 2);
  b.set(a);
  return b;
}

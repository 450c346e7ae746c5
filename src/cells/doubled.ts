/** The typed arrays a growing table of numbers is kept in. */
type Growing = Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array;

/** A typed array twice as long, holding the first's values (a table of numbers that grows as rows come). */
export function doubled<T extends Growing>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Makers of plain objects for results and caches that live until a long call returns (a diff, a
 * classification), made without object literals.
 *
 * V8 tracks where each object literal allocates; when most objects from one literal are still
 * alive at a minor collection, as these are until the call returns, the literal is switched to
 * allocating in the old generation. Call after call, the old generation then fills with these
 * objects once they are garbage, which brings frequent full collections and slower minor ones:
 * measured on a 2 MB diff, about a third of its time. Objects made by `new` on a function are not
 * tracked that way, and die young.
 *
 * `init` is that function (a `function`, not an arrow): it sets the fields on `this`. Its prototype
 * is set to Object.prototype, so what the maker returns is a plain object with the own properties
 * `init` gave it, in that order, exactly as the literal it replaces (JSON and deep equality agree).
 */
export function plainObjects<A extends unknown[], T>(init: (this: Record<string, unknown>, ...args: A) => void): (...args: A) => T {
  const C = init as unknown as { prototype: object; new (...args: A): T };
  C.prototype = Object.prototype;
  return (...args: A) => new C(...args);
}

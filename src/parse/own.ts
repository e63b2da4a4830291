/**
 * Sets an object member as JSON.parse does: a "__proto__" key becomes an own member (a state
 * may be named so), not the object's prototype, which an assignment would set.
 */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

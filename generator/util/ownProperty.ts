/**
 * Set `key` as an own, enumerable property of `target`. Plain assignment treats a key named `__proto__` as the
 * prototype setter, so a config key `__proto__` (a tag name, say) would vanish from the output or change the
 * object's prototype; defining the property keeps it as ordinary data.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

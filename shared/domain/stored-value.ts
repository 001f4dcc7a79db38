/**
 * A value as it is stored and compared (IndexedDB rows, Yjs fields): plain JSON, so fields set to undefined are left
 * out and two equal values compare equal however they were built. Undefined stays undefined.
 */
export function storedValue<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

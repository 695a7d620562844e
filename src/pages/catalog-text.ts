import { BUNDLED_SOURCES } from '../sources/bundled';
import { fnv1a } from '../serve/hash';

let bundledVersion: string | undefined;

/** A short version of the stored catalog text (or of the bundled one), for ETags. */
export function catalogVersion(text: string | null): string {
  if (text != null) return fnv1a(text);
  return (bundledVersion ??= `b${fnv1a(JSON.stringify(BUNDLED_SOURCES))}`);
}

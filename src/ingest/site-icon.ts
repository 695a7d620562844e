import { fetchBody } from './fetch';
import { resolveHref } from './html-urls';
import { sniffImage } from './image-type';
import type { FetchOptions } from './types';

/**
 * A source's icon, found at refresh (never on a reader's request): the one its page or feed
 * names (an icon link, a feed's image, icon or logo); else the one found before; else the
 * site's /favicon.ico, asked once a month at most (by the run, with what its budget has left)
 * and kept only when it answered as a raster image.
 */

/** What the state remembers of a source's icon. */
export interface IconMemory {
  icon?: string;
  /** When /favicon.ico was last asked (ISO). */
  iconChecked?: string;
}

export const ICON_RECHECK_MS = 30 * 24 * 3600_000;
const MAX_ICON_BYTES = 256 * 1024;
const ICON_TIMEOUT_MS = 5000;

/** The site's /favicon.ico when it answers as a raster image; undefined on any failure (never throws). */
export async function probeFavicon(pageUrl: string, opts: FetchOptions): Promise<string | undefined> {
  const url = resolveHref('/favicon.ico', pageUrl);
  if (!url) return undefined;
  try {
    const got = await fetchBody(url, {}, {
      ...opts,
      types: ['image/', 'application/octet-stream'],
      binary: true,
      accept: 'image/*',
      maxBytes: MAX_ICON_BYTES,
      timeoutMs: Math.min(opts.timeoutMs ?? ICON_TIMEOUT_MS, ICON_TIMEOUT_MS),
    });
    return got.status === 'ok' && got.bytes && sniffImage(got.bytes) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The icon memory after a parse: the one the body names (`named`, resolved against `base`), else the one known. */
export function iconAfterParse(named: string | undefined, base: string, known: IconMemory | undefined): IconMemory {
  const icon = named ? resolveHref(named, base) : undefined;
  return icon ? { ...known, icon } : { ...known };
}

/** No icon known, and /favicon.ico not asked within ICON_RECHECK_MS. */
export const wantsFavicon = (m: IconMemory, now: Date): boolean =>
  !m.icon && !(m.iconChecked && now.getTime() - Date.parse(m.iconChecked) < ICON_RECHECK_MS);

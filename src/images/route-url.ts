/**
 * The address of an image as bantin shows it: through its own image route, so an http-only
 * portal image still shows on an https page and a portal that refuses hotlinking still
 * answers. Feeds keep the original URLs; pages and the widget use this.
 */
export const IMAGE_ROUTE = '/img';

/** `/img?u=<url>` for an absolute http(s) URL; undefined for anything else (nothing is shown). */
export function imageRoute(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  return `${IMAGE_ROUTE}?u=${encodeURIComponent(url)}`;
}

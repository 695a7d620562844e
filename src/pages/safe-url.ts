/** A URL fit for href/src: absolute http(s) only (stored URLs are normalized so, but pages check again). */
export function httpUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/** "backan.gov.vn" from a URL, for link text ("" when it is no URL). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

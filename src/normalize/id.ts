/** SHA-256 of the bytes, or of the text's UTF-8, lowercase hex. */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', typeof data === 'string' ? new TextEncoder().encode(data) : data);
  let hex = '';
  for (const b of new Uint8Array(digest)) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/**
 * Stable article id (20 hex chars): from the canonical URL when there is one, else from the
 * source id and the feed's guid (NukeViet guids like "news_70" are no URLs and only unique
 * within their source). Nothing time-dependent goes in, so every fetch finds the same id.
 */
export async function articleId(sourceId: string, canonical: string | null, guid?: string): Promise<string> {
  let key: string;
  if (canonical) key = canonical;
  else if (guid && guid.trim()) key = `${sourceId}\n${guid.trim()}`;
  else throw new Error(`articleId: an item of source "${sourceId}" has neither a URL nor a guid`);
  return (await sha256Hex(key)).slice(0, 20);
}

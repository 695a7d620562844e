/**
 * What an image really is, read from its first bytes rather than from the Content-Type a portal
 * sends (portals label JPEGs `application/octet-stream`, and an HTML error page `image/jpeg`).
 * Only raster formats a browser shows are known; SVG is not among them, since an SVG document
 * can carry script, and neither is anything else that is text.
 */
export type ImageType = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp' | 'image/avif' | 'image/x-icon' | 'image/bmp';

const startsWith = (bytes: Uint8Array, at: number, ascii: string) => {
  if (bytes.length < at + ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[at + i] !== ascii.charCodeAt(i)) return false;
  return true;
};

/** The raster image type the bytes start with, or null for anything else (SVG, HTML, text, empty). */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (startsWith(bytes, 0, '\x89PNG\r\n\x1a\n')) return 'image/png';
  if (startsWith(bytes, 0, 'GIF87a') || startsWith(bytes, 0, 'GIF89a')) return 'image/gif';
  if (startsWith(bytes, 0, 'RIFF') && startsWith(bytes, 8, 'WEBP')) return 'image/webp';
  if (startsWith(bytes, 4, 'ftyp') && (startsWith(bytes, 8, 'avif') || startsWith(bytes, 8, 'avis'))) return 'image/avif';
  // An icon directory: reserved 0, type 1, at least one image.
  if (bytes.length >= 6 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 1 && bytes[3] === 0 && (bytes[4] | bytes[5]) !== 0) return 'image/x-icon';
  if (startsWith(bytes, 0, 'BM') && bytes.length >= 26) return 'image/bmp';
  return null;
}

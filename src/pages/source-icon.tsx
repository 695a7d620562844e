import type { FC } from 'hono/jsx';
import { imageRoute } from '../images/route-url';
import { httpUrl } from './safe-url';

/**
 * A source's icon beside its name, through the image route; a source without one, or whose icon
 * fails to load, shows the frame's neutral placeholder (the stylesheet's, with /page.js marking
 * the failure), so names stay aligned.
 */
export const SourceIcon: FC<{ icon?: string }> = ({ icon }) => {
  const src = imageRoute(httpUrl(icon));
  return <span class="source-icon">{src ? <img src={src} alt="" width="16" height="16" loading="lazy" decoding="async" /> : null}</span>;
};

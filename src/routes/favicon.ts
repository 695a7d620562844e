import { Hono } from 'hono';
import type { Env } from '../env';
import { FAVICON_SVG } from '../pages/favicon';

export const favicon = new Hono<{ Bindings: Env }>();

const icon = () => new Response(FAVICON_SVG, { headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=604800' } });
// Browsers ask for /favicon.ico whatever the page links: the same SVG answers there.
favicon.get('/favicon.svg', icon);
favicon.get('/favicon.ico', icon);

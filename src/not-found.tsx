import type { Context } from 'hono';
import { ErrorPage } from './pages/error-page';
import { htmlResponse } from './pages/respond';

/** A browser gets a page in Vietnamese with the way back; a program gets JSON. */
export function notFound(c: Context): Response | Promise<Response> {
  const wantsHtml = /\btext\/html\b/.test(c.req.header('Accept') ?? '') && c.req.method === 'GET';
  if (!wantsHtml) return c.json({ error: 'not found' }, 404);
  return htmlResponse(<ErrorPage title="Không có trang này" messages={[`Địa chỉ ${c.req.path} không có trên bantin.`]} />, { status: 404 });
}

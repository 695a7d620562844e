import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { cors } from 'hono/cors';
import type { Env } from './env';
import { articles } from './routes/articles';
import { jsonp } from './serve/jsonp';
import { admin } from './routes/admin';
import { api } from './routes/api';
import { feeds } from './routes/feeds';

export const app = new Hono<{ Bindings: Env }>();

// Public GETs are for embedding anywhere: any origin may read them, and see their ETag.
const publicCors = cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'], exposeHeaders: ['ETag', 'Last-Modified'], maxAge: 86400 });
app.use('*', (c, next) => (c.req.path.startsWith('/admin') ? next() : publicCors(c, next)));
app.use('/feed.json', jsonp);
app.use('/p/*', jsonp);
app.use('/s/*', jsonp);
app.use('/api/*', jsonp);

app.route('/', feeds);
app.route('/', articles);
app.route('/', api);
app.route('/', admin);

app.notFound((c) => c.json({ error: 'not found' }, 404));
// Clients get a short reason; the details go to the structured log only.
app.onError((err, c) => {
  if (err instanceof HTTPException) return err.getResponse();
  console.log(JSON.stringify({ level: 'error', event: 'request-failed', path: c.req.path, reason: err.message }));
  return c.json({ error: 'internal error' }, 500);
});

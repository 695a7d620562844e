import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Env } from './env';
import { admin } from './routes/admin';
import { api } from './routes/api';
import { feeds } from './routes/feeds';

export const app = new Hono<{ Bindings: Env }>();

app.route('/', feeds);
app.route('/', api);
app.route('/', admin);

app.notFound((c) => c.json({ error: 'not found' }, 404));
// Clients get a short reason; the details go to the structured log only.
app.onError((err, c) => {
  if (err instanceof HTTPException) return err.getResponse();
  console.log(JSON.stringify({ level: 'error', event: 'request-failed', path: c.req.path, reason: err.message }));
  return c.json({ error: 'internal error' }, 500);
});

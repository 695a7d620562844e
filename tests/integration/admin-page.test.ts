import { describe, expect, it } from 'vitest';
import { adminCall, call, loadCatalog, override, runCron, TOKEN } from '../helpers/worker';

// The admin page's public parts hold nothing secret and cannot be framed; the JSON it shows
// needs the token, and says each failure as a machine code and in Vietnamese.

const catalog = JSON.stringify([
  { id: 'cho-don', name: 'Cổng TTĐT huyện Chợ Đồn', url: '{{ORIGIN}}/liferay/rss.xml', kind: 'auto', region: { province: 'bac-kan', district: 'cho-don', districtName: 'huyện Chợ Đồn' } },
  { id: 'hong', name: 'Cổng đang hỏng', url: '{{ORIGIN}}/hostile/500', kind: 'feed', region: { province: 'thai-nguyen' } },
]);

describe('the admin page', () => {
  it('is public markup with nothing secret, its own script only, never framed nor cached', async () => {
    const res = await call('/admin');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain(TOKEN);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cache-control')).toBe('no-store');
    // No inline script, no style attribute, and the token field sends nothing by itself (no name).
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual([expect.stringMatching(/^<script src="\/admin\/app\.js\?v=\w+" defer="">$/)]);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).toMatch(/<input id="token" type="password"[^>]*>/);
    expect(/<input id="token"[^>]*>/.exec(html)![0]).not.toContain('name=');

    const js = await call('/admin/app.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    const script = await js.text();
    expect(script).toContain("sessionStorage.getItem(TOKEN_KEY)");
    expect(script).not.toContain('innerHTML');
    expect((await call('/admin/app.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('gives the page its data only with the token, never cached', async () => {
    for (const path of ['/admin/status', '/admin/regions/thai-nguyen']) {
      expect((await call(path)).status).toBe(401);
      expect((await call(path, { headers: { authorization: 'Bearer sai' } })).status).toBe(401);
    }
    const res = await adminCall('/admin/sources', 'GET');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('lists each source with its health, its failures as codes and in Vietnamese', async () => {
    await override({ reset: true });
    await loadCatalog(catalog);
    await runCron();
    await adminCall('/admin/refresh?source=hong', 'POST');
    const res = await adminCall('/admin/status', 'GET');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { sources } = (await res.json()) as { sources: { id: string; region: string; status: { kind: string; text: string }; articleCount: number; lastSuccess: string | null; lastFailure: { code: string; status: number; text: string } | null; recentFailures: { code: string; status: number; text: string }[] }[] };
    const ok = sources.find((s) => s.id === 'cho-don')!;
    expect(ok).toMatchObject({ region: 'Huyện Chợ Đồn, tỉnh Bắc Kạn (cũ, nay thuộc tỉnh Thái Nguyên)', status: { kind: 'ok', text: 'Hoạt động' }, lastFailure: null, recentFailures: [] });
    expect(ok.articleCount).toBeGreaterThan(0);
    const bad = sources.find((s) => s.id === 'hong')!;
    expect(bad.lastFailure).toMatchObject({ code: 'http', status: 500, text: 'Máy chủ của cổng đang lỗi (HTTP 500).' });
    expect(bad.recentFailures).toHaveLength(2);
    expect(bad.recentFailures[1]).toMatchObject({ code: 'http', status: 500, text: 'Máy chủ của cổng đang lỗi (HTTP 500).' });
    expect(bad.status.kind).toBe('failing');
  });

  it('offers a province’s communes of today and the districts sources publish under', async () => {
    const res = await adminCall('/admin/regions/bac-kan', 'GET');
    const r = (await res.json()) as { districts: { value: string }[]; communes: { value: string; label: string }[] };
    expect(r.districts.map((d) => d.value)).toContain('cho-don');
    // Bắc Kạn is part of Thái Nguyên now: its communes are Thái Nguyên's.
    expect(r.communes).toContainEqual({ value: '02143', label: 'Xã Văn Lang (02143)' });
    expect((await adminCall('/admin/regions/atlantis', 'GET')).status).toBe(404);
  });
});

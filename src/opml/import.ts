import { checkUrl } from '../ingest/address-guard';
import { foldForSearch } from '../vietnamese';
import { withoutUserinfo } from '../normalize/url';
import type { OpmlOutline } from './parse';
import { regionSchema, sourceSchema, type Source } from '../sources/schema';

/**
 * Turns the outlines of an OPML file into catalog changes: each outline with an `xmlUrl`
 * is a feed source. A URL already in the catalog updates that source (its name, and its
 * region when the import gives one); a new URL adds a source with an id made from its
 * title. Nothing is dropped from the catalog. Every outline not taken is reported with why.
 */
export interface ImportOptions {
  /** Region for every outline (the request's `province`/`district`), over the file's own. */
  province?: string;
  district?: string;
  allowPrivate: boolean;
  /** bantin's own host: importing its own feeds would make it aggregate itself. */
  selfHost?: string;
}

export interface ImportReport {
  added: Array<{ id: string; name: string; url: string }>;
  updated: Array<{ id: string; url: string; changed: string[] }>;
  skipped: Array<{ line: number; url?: string; title?: string; reason: string }>;
}

export interface ImportPlan {
  catalog: Source[];
  report: ImportReport;
}

/** Region attributes an outline may carry (plain, or in a `bantin:` namespace prefix). */
const attr = (a: Record<string, string>, name: string): string | undefined => {
  const v = a[name] ?? a[`bantin:${name}`];
  return v?.trim() || undefined;
};

function regionOf(o: OpmlOutline, opts: ImportOptions): { province?: string; district?: string; explicit: boolean } {
  if (opts.province) return { province: opts.province, district: opts.district, explicit: true };
  // The nearest province, and the nearest district at or below it (a district outline in a province folder).
  let district: string | undefined;
  for (const a of [o.attrs, ...o.ancestors]) {
    district ??= attr(a, 'district');
    const province = attr(a, 'province');
    if (province) return { province, district, explicit: true };
  }
  return { explicit: false };
}

/** "Cổng TTĐT huyện Chợ Đồn" → "cong-ttdt-huyen-cho-don" (ids are lowercase slugs). */
export function slugify(text: string): string {
  return foldForSearch(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

function uniqueId(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const id = `${base.slice(0, 64 - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(id)) return id;
  }
}

export function planImport(current: readonly Source[], outlines: readonly OpmlOutline[], opts: ImportOptions): ImportPlan {
  const catalog = current.map((s) => ({ ...s }));
  const byUrl = new Map(catalog.map((s, i) => [s.url, i]));
  const taken = new Set(catalog.map((s) => s.id));
  const seenUrls = new Set<string>();
  const report: ImportReport = { added: [], updated: [], skipped: [] };
  const folders = new Set(outlines.map((o) => o.ancestors[0]).filter(Boolean));

  for (const o of outlines) {
    const rawUrl = o.attrs.xmlUrl?.trim();
    const title = (o.attrs.title ?? o.attrs.text ?? '').trim() || undefined;
    if (!rawUrl) {
      // A folder (it has outlines inside) is structure, not a source: no need to report it.
      if (!folders.has(o.attrs)) report.skipped.push({ line: o.line, title, reason: 'no xmlUrl' });
      continue;
    }
    const skip = (reason: string) => report.skipped.push({ line: o.line, url: withoutUserinfo(rawUrl), title, reason });

    const check = checkUrl(rawUrl, opts.allowPrivate);
    if (!check.ok) {
      skip(check.reason);
      continue;
    }
    const url = check.url.href;
    if (opts.selfHost && check.url.host === opts.selfHost) {
      skip('a feed of bantin itself');
      continue;
    }
    if (seenUrls.has(url)) {
      skip('the same xmlUrl appears earlier in the file');
      continue;
    }
    seenUrls.add(url);

    const region = regionOf(o, opts);
    const name = (title ?? check.url.hostname).slice(0, 200);
    const existing = byUrl.get(url) ?? byUrl.get(rawUrl);

    if (existing !== undefined) {
      const s = catalog[existing];
      const changed: string[] = [];
      const next: Record<string, unknown> = { ...s };
      if (title && name !== s.name) {
        next.name = name;
        changed.push('name');
      }
      if (region.explicit && (region.province !== s.region.province || region.district !== s.region.district)) {
        next.region = { province: region.province, ...(region.district ? { district: region.district } : {}) };
        changed.push('region');
      }
      if (!changed.length) {
        skip(`already in the catalog as "${s.id}", unchanged`);
        continue;
      }
      const v = sourceSchema.safeParse(next);
      if (!v.success) {
        skip(v.error.issues.map((i) => `${i.path.join('.') || 'source'}: ${i.message}`).join('; '));
        continue;
      }
      catalog[existing] = v.data;
      report.updated.push({ id: s.id, url: s.url, changed });
      continue;
    }

    if (!region.province) {
      skip('no region: give ?province= (and ?district=) or a province attribute on the outline or its folder');
      continue;
    }
    const r = regionSchema.safeParse({ province: region.province, ...(region.district ? { district: region.district } : {}) });
    if (!r.success) {
      skip(`invalid region: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
      continue;
    }
    const wanted = attr(o.attrs, 'id');
    const base = (wanted && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(wanted) && wanted.length <= 64 ? wanted : '') || slugify(name) || slugify(check.url.hostname) || 'source';
    const id = uniqueId(base, taken);
    const v = sourceSchema.safeParse({ id, name, url, kind: 'feed', region: r.data, note: 'imported from OPML' });
    if (!v.success) {
      skip(v.error.issues.map((i) => `${i.path.join('.') || 'source'}: ${i.message}`).join('; '));
      continue;
    }
    taken.add(id);
    byUrl.set(url, catalog.length);
    catalog.push(v.data);
    report.added.push({ id, name, url });
  }
  return { catalog, report };
}

import { findProvince, provinceTitle } from '../regions';
import { PROVINCIAL_PAPERS, PROVINCIAL_PORTALS } from './national.generated';
import type { SourceInput } from './schema';

// Shown on /sources beside "Chưa kiểm chứng", so in Vietnamese.
const PORTALS_FROM = 'danh sách cổng tỉnh trong một script quét TLS công khai (2025)';
const PAPERS_FROM = 'địa chỉ RSS trang chủ (/rss/home.rss) trong các script thu thập tin công khai (2025)';

/** "hanoi.gov.vn" → "hanoi", "baodongnai.com.vn" → "baodongnai": ids as the bundled ones are made. */
const idOf = (url: string) => new URL(url).hostname.replace(/^www\./, '').split('.')[0];

/**
 * The national catalog: the provincial portal of each of the 34 provinces of today and the
 * provincial papers, all unverified. No preset where none is known: the portal is read from
 * its address alone. A paper of a former province keeps that province as its region (its
 * articles join today's province feed through the merger table).
 */
export function nationalSources(): SourceInput[] {
  const portals = PROVINCIAL_PORTALS.map(
    (p): SourceInput => ({
      id: idOf(p.url),
      name: `Cổng TTĐT ${provinceTitle(p.province)}`,
      url: p.url,
      kind: 'auto',
      region: { province: p.province },
      unverified: { from: PORTALS_FROM },
    }),
  );
  const papers = PROVINCIAL_PAPERS.map(
    (p): SourceInput => ({
      id: idOf(p.url),
      name: `Báo ${findProvince(p.province)?.name ?? p.province}`,
      url: p.feed,
      kind: 'auto',
      region: { province: p.province },
      unverified: { from: `${PAPERS_FROM}; trang chủ ${p.url}` },
    }),
  );
  return [...portals, ...papers];
}

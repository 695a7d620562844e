import { nationalSources } from './national';
import type { SourceInput } from './schema';

/**
 * The bundled catalog: real portals of Thái Nguyên and the former Bắc Kạn (merged into Thái
 * Nguyên on 1 July 2025), then the national catalog (national.ts). No address was checked live
 * (no internet where this was written): each is marked unverified with where it came from, and
 * /sources says so until a refresh of it succeeds. Tests never refresh this catalog.
 */
const SCRAPERS = 'các script thu thập tin công khai (2019–2025)';

const LOCAL: SourceInput[] = [
  {
    id: 'baothainguyen',
    name: 'Báo Thái Nguyên',
    url: 'https://baothainguyen.vn/rss/home.rss',
    kind: 'auto',
    region: { province: 'thai-nguyen' },
    note: '/rss/home.rss is listed for many provincial papers',
    unverified: { from: SCRAPERS },
  },
  {
    id: 'ict-thainguyen',
    name: 'Sở Thông tin và Truyền thông Thái Nguyên',
    url: 'https://ict.thainguyen.gov.vn/',
    kind: 'auto',
    region: { province: 'thai-nguyen' },
    unverified: { from: SCRAPERS },
  },
  {
    id: 'backan',
    name: 'Cổng TTĐT tỉnh Bắc Kạn',
    url: 'https://backan.gov.vn/',
    kind: 'auto',
    region: { province: 'bac-kan' },
    unverified: { from: SCRAPERS },
  },
  {
    id: 'baobackan',
    name: 'Báo Bắc Kạn',
    url: 'https://baobackan.com.vn/',
    kind: 'auto',
    region: { province: 'bac-kan' },
    unverified: { from: SCRAPERS },
  },
  {
    id: 'khuyennong-backan',
    name: 'Trung tâm Khuyến nông Bắc Kạn',
    url: 'https://khuyennong.backan.gov.vn/feed/',
    kind: 'feed',
    region: { province: 'bac-kan' },
    note: 'WordPress, so /feed/',
    unverified: { from: SCRAPERS },
  },
];

const hostOf = (url: string) => new URL(url).hostname;

/** A portal both lists carry keeps its local entry (it knows the portal better). */
const localHosts = new Set(LOCAL.map((s) => hostOf(s.url)));

export const BUNDLED_SOURCES: SourceInput[] = [...LOCAL, ...nationalSources().filter((s) => !localHosts.has(hostOf(s.url)))];

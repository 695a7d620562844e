import type { SourceInput } from './schema';

/**
 * The bundled catalog: real portals of Thái Nguyên and the former Bắc Kạn (merged
 * into Thái Nguyên on 1 July 2025). The addresses come from public scrapers and were
 * not checked live (no internet where this was written): each stays "unverified" on
 * /api/sources until a refresh of it succeeds. Tests never refresh this catalog.
 */
const UNVERIFIED = 'address from public scrapers, not checked live';

export const BUNDLED_SOURCES: SourceInput[] = [
  {
    id: 'baothainguyen',
    name: 'Báo Thái Nguyên',
    url: 'https://baothainguyen.vn/rss/home.rss',
    kind: 'auto',
    region: { province: 'thai-nguyen' },
    note: `${UNVERIFIED}; /rss/home.rss is listed for many provincial papers`,
  },
  {
    id: 'ict-thainguyen',
    name: 'Sở Thông tin và Truyền thông Thái Nguyên',
    url: 'https://ict.thainguyen.gov.vn/',
    kind: 'auto',
    region: { province: 'thai-nguyen' },
    note: UNVERIFIED,
  },
  {
    id: 'backan',
    name: 'Cổng TTĐT tỉnh Bắc Kạn',
    url: 'https://backan.gov.vn/',
    kind: 'auto',
    preset: 'newsitem',
    region: { province: 'bac-kan' },
    note: UNVERIFIED,
  },
  {
    id: 'baobackan',
    name: 'Báo Bắc Kạn',
    url: 'https://baobackan.com.vn/',
    kind: 'auto',
    preset: 'story',
    region: { province: 'bac-kan' },
    note: UNVERIFIED,
  },
  {
    id: 'khuyennong-backan',
    name: 'Trung tâm Khuyến nông Bắc Kạn',
    url: 'https://khuyennong.backan.gov.vn/feed/',
    kind: 'feed',
    region: { province: 'bac-kan' },
    note: `${UNVERIFIED}; WordPress, so /feed/`,
  },
];

import type { Child, FC } from 'hono/jsx';
import { PAGE_JS_VERSION } from './page-script';
import { STYLE_VERSION } from './style';

/** A `<link rel="alternate">` for feed autodiscovery. */
export interface Alternate {
  type: string;
  title: string;
  href: string;
}

export type NavKey = 'home' | 'sources' | 'embed';

interface LayoutProps {
  title: string;
  description?: string;
  alternates?: Alternate[];
  nav?: NavKey;
  /** Wider main column, for tables. */
  wide?: boolean;
  children?: Child;
}

const NAV: [NavKey, string, string][] = [
  ['home', '/', 'Tin mới'],
  ['sources', '/sources', 'Nguồn tin'],
  ['embed', '/embed', 'Nhúng vào trang'],
];

/** Every page's frame: head with the stylesheet, the pages' script and feed autodiscovery, site header, footer. No inline style or script. */
export const Layout: FC<LayoutProps> = ({ title, description, alternates = [], nav, wide, children }) => (
  <html lang="vi">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      {description ? <meta name="description" content={description} /> : null}
      <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
      <link rel="stylesheet" href={`/style.css?v=${STYLE_VERSION}`} />
      <script src={`/page.js?v=${PAGE_JS_VERSION}`} defer></script>
      {alternates.map((a) => (
        <link rel="alternate" type={a.type} title={a.title} href={a.href} />
      ))}
    </head>
    <body class={wide ? 'wide' : undefined}>
      <header class="site">
        <div class="wrap">
          <a class="brand" href="/">
            bantin<small>Tin chính quyền địa phương</small>
          </a>
          <nav aria-label="Trang">
            {NAV.map(([key, href, label]) => (
              <a href={href} aria-current={key === nav ? 'page' : undefined}>
                {label}
              </a>
            ))}
          </nav>
        </div>
      </header>
      <main class="wrap">{children}</main>
      <footer class="wrap">
        <p>
          Tin tổng hợp tự động từ cổng thông tin điện tử của tỉnh, huyện, xã; bài viết thuộc về cơ quan đăng tin. Giờ Việt Nam (UTC+7).{' '}
          <a href="/sources.opml">Danh sách nguồn (OPML)</a>
        </p>
      </footer>
    </body>
  </html>
);

import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/ingest/detect';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Cổng thông tin điện tử tỉnh Thái Nguyên</title>
<item><title>Hội nghị triển khai nhiệm vụ năm 2025</title><link>https://thainguyen.gov.vn/tin-tuc/hoi-nghi</link></item>
</channel></rss>`;

const RDF = `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://backan.gov.vn/"><title>Tin Bắc Kạn</title></channel>
<item rdf:about="https://backan.gov.vn/tin/1"><title>Tin mới</title></item>
</rdf:RDF>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Sở Nông nghiệp</title>
<entry><title>Khuyến nông vụ đông</title><id>tag:khuyennong,2025:1</id></entry></feed>`;

const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Báo Thái Nguyên',
  items: [{ id: '1', url: 'https://baothainguyen.vn/a-post1.html', title: 'Tin nóng' }],
});

const HTML = `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>UBND huyện Chợ Đồn</title></head>
<body><div class="news-item"><a href="/tin/1">Tin tức</a></div></body></html>`;

describe('detectFormat', () => {
  it.each<[string, string, string]>([
    ['RSS 2.0', RSS, 'application/rss+xml'],
    ['RSS served as text/html', RSS, 'text/html; charset=utf-8'],
    ['RSS with a BOM and blank lines', `\uFEFF\n\n  ${RSS}`, 'text/xml'],
    ['RSS behind a stylesheet PI and a comment', `<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="/rss.xsl"?>\n<!-- NukeViet -->\n<rss version="2.0"><channel/></rss>`, 'text/xml'],
    ['RSS 0.91 with a doctype', `<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"></rss>`, 'application/xml'],
    ['RSS after a doctype with an internal subset', `<!DOCTYPE rss [ <!ENTITY nbsp "&#160;"> ]>\n<rss version="2.0"></rss>`, ''],
    ['RSS after a PHP notice', `<br />\n<b>Notice</b>: Undefined index: cat in /var/www/rss.php on line 12<br />\n${RSS}`, 'text/html'],
    ['RSS after stray text', 'Deprecated: mysql_connect() in /var/www/rss.php on line 3\n<rss version="2.0"><channel/></rss>', 'text/html'],
  ])('%s → rss', (_name, body, type) => {
    expect(detectFormat(body, type)).toBe('rss');
  });

  it.each<[string, string, string]>([
    ['RSS 1.0', RDF, 'application/rdf+xml'],
    ['RSS 1.0 as text/html', RDF, 'text/html'],
  ])('%s → rdf', (_name, body, type) => {
    expect(detectFormat(body, type)).toBe('rdf');
  });

  it.each<[string, string, string]>([
    ['Atom 1.0', ATOM, 'application/atom+xml'],
    ['Atom as text/html', ATOM, 'text/html'],
    ['Atom with a prefix', `<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"><atom:entry/></atom:feed>`, 'text/xml'],
    ['Atom 0.3', `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>x</title></feed>`, 'text/xml'],
  ])('%s → atom', (_name, body, type) => {
    expect(detectFormat(body, type)).toBe('atom');
  });

  it('does not call any <feed> Atom', () => {
    expect(detectFormat('<feed><status>ok</status></feed>', 'text/xml')).toBe('unknown');
  });

  it.each<[string, string, string]>([
    ['JSON Feed 1.1', JSON_FEED, 'application/feed+json'],
    ['JSON Feed as application/json', JSON_FEED, 'application/json'],
    ['JSON Feed 1.0 with escaped slashes', '{"title":"x","version":"https:\\/\\/jsonfeed.org\\/version\\/1","items":[]}', 'text/plain'],
    ['JSON Feed, version not first, pretty', `{\n  "title": "Tin",\n  "items": [],\n  "version": "https://jsonfeed.org/version/1.1"\n}`, 'application/json'],
  ])('%s → jsonfeed', (_name, body, type) => {
    expect(detectFormat(body, type)).toBe('jsonfeed');
  });

  it('does not call other JSON a feed', () => {
    expect(detectFormat('{"error":"not found","version":"2.1"}', 'application/json')).toBe('unknown');
    expect(detectFormat('[1,2,3]', 'application/json')).toBe('unknown');
  });

  it.each<[string, string, string]>([
    ['an HTML page', HTML, 'text/html'],
    ['HTML served as RSS', HTML, 'application/rss+xml'],
    ['XHTML with a prolog', `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>`, 'application/xml'],
    ['uppercase HTML without a doctype', '<HTML><HEAD><TITLE>Trang chủ</TITLE></HEAD></HTML>', ''],
    ['a fragment starting with a div', '<div class="news_column"><h3><a href="/news/a-1.html">Tin</a></h3></div>', ''],
    ['a comment then html', '<!-- Liferay -->\n<html><body></body></html>', 'text/html'],
    ['text/html with an unknown first tag', '<tintuc><a href="/x">x</a></tintuc>', 'text/html; charset=utf-8'],
  ])('%s → html', (_name, body, type) => {
    expect(detectFormat(body, type)).toBe('html');
  });

  it.each<[string, string, string]>([
    ['a PNG decoded as UTF-8', '\uFFFDPNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR', 'text/html'],
    ['a PNG decoded as windows-1258', '\u2030PNG\r\n\u001a\n', 'application/rss+xml'],
    ['a GIF', 'GIF89a\u0001\u0000\u0001\u0000', 'text/html'],
    ['a PDF', '%PDF-1.7\n%âãÏÓ', 'text/html'],
    ['NUL bytes', 'abc\u0000def\u0000', 'text/plain'],
    ['mostly replacement characters', '\uFFFD\uFFFDx\uFFFD\uFFFD\uFFFDyz\uFFFD', 'text/html'],
    ['plain text', 'Service Unavailable', 'text/plain'],
    ['an empty body', '', 'application/rss+xml'],
    ['a sitemap', '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>', 'application/xml'],
  ])('%s → unknown', (_name, body, type) => {
    expect(detectFormat(body, type)).toBe('unknown');
  });

  it('does not let a few replacement characters in Vietnamese text mark it binary', () => {
    const page = `${HTML}<p>${'Tin tức địa phương '.repeat(50)}\uFFFD</p>`;
    expect(detectFormat(page, 'text/html')).toBe('html');
  });
});

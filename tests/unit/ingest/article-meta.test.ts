/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { extractArticleMeta } from '../../../src/ingest/article-meta';
import article from '../../fixtures/story/article.html?raw';

const url = 'https://baobackan.com.vn/thoi-su/tong-ket-cong-tac-nam-2023-trien-khai-nhiem-vu-nam-2024-post62311.html';

describe('extractArticleMeta', () => {
  it('reads the story CMS article page: published time and og:image', async () => {
    expect(await extractArticleMeta(article, url)).toEqual({
      date: '2024-02-02T08:30:00+0700',
      image: 'https://image.baobackan.com.vn/1200x630/Uploaded/2024/tong-ket-2023.jpg',
    });
  });

  it('falls back to JSON-LD in an @graph, past an invalid JSON-LD block', async () => {
    const html = `<html><head>
      <script type="application/ld+json">{ "@type": "BreadcrumbList", "itemListElement": [ , ] }</script>
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"WebPage","name":"Tin tức"},
        {"@type":"NewsArticle","datePublished":"2025-03-24T07:09:00+07:00","image":[{"@type":"ImageObject","url":"/uploads/2025/03/hop-bao.jpg"}]}
      ]}</script></head><body><p>Nội dung</p></body></html>`;
    expect(await extractArticleMeta(html, 'https://xa.example/tin/hop-bao.html')).toEqual({
      date: '2025-03-24T07:09:00+07:00',
      image: 'https://xa.example/uploads/2025/03/hop-bao.jpg',
    });
  });

  it('uses itemprop=datePublished and twitter:image when nothing better is there', async () => {
    const html = `<html><head><meta name="twitter:image" content="https://xa.example/anh.jpg?w=800&amp;h=450"></head>
      <body><span itemprop="datePublished" content="2019-11-26T08:30:00+07:00">Thứ ba - 26/11/2019 08:30</span></body></html>`;
    expect(await extractArticleMeta(html, 'https://xa.example/')).toEqual({
      date: '2019-11-26T08:30:00+07:00',
      image: 'https://xa.example/anh.jpg?w=800&h=450',
    });
  });

  it('reads <time itemprop=datePublished datetime>', async () => {
    const html = `<article><time itemprop="datePublished" datetime="2020-04-03T22:36:00+07:00">03/04/2020</time></article>`;
    expect(await extractArticleMeta(html, 'https://xa.example/')).toEqual({ date: '2020-04-03T22:36:00+07:00' });
  });

  it('returns nothing for a page without such metadata', async () => {
    expect(await extractArticleMeta('<html><head><title>Tin</title></head><body><img src="/a.jpg"></body></html>', 'https://xa.example/')).toEqual({});
  });
});

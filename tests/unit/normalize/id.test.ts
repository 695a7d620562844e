import { describe, expect, it } from 'vitest';
import { articleId, sha256Hex } from '../../../src/normalize/id';

describe('sha256Hex', () => {
  it('is the SHA-256 of the UTF-8 text', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('Chợ Đồn')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('articleId', () => {
  const url = 'https://chodon.backan.gov.vn/news/tin-tuc/hoi-nghi-70.html';

  it('is 20 hex characters and the same on every call', async () => {
    const a = await articleId('cho-don', url);
    expect(a).toMatch(/^[0-9a-f]{20}$/);
    expect(await articleId('cho-don', url)).toBe(a);
    expect(a).toBe((await sha256Hex(url)).slice(0, 20));
  });

  it('comes from the URL when there is one, whatever the guid', async () => {
    expect(await articleId('cho-don', url, 'news_70')).toBe(await articleId('cho-don', url));
  });

  it('different URLs give different ids', async () => {
    expect(await articleId('cho-don', url)).not.toBe(await articleId('cho-don', `${url}?page=2`));
  });

  it('falls back to source id + guid, so NukeViet guids of two sources do not collide', async () => {
    const a = await articleId('cho-don', null, 'news_70');
    expect(a).toMatch(/^[0-9a-f]{20}$/);
    expect(await articleId('cho-don', null, 'news_70')).toBe(a);
    expect(await articleId('ba-be', null, 'news_70')).not.toBe(a);
  });

  it('refuses an item with neither URL nor guid rather than giving all of them one id', async () => {
    await expect(articleId('cho-don', null)).rejects.toThrow(/neither a URL nor a guid/);
  });
});

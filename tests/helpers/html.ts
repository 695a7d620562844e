import { decodeHTML, decodeHTMLAttribute } from 'entities';

/**
 * What a CSS selector finds in an HTML page, read with workerd's HTMLRewriter: each match's
 * text (entities decoded, as a browser shows it) and attributes. For page tests.
 */
export interface Found {
  text: string;
  attrs: Record<string, string>;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

export async function select(html: string, selector: string): Promise<Found[]> {
  const found: Found[] = [];
  let open: Found[] = [];
  const rewriter = new HTMLRewriter()
    .on(selector, {
      element(el) {
        const f: Found = { text: '', attrs: Object.fromEntries([...el.attributes].map(([k, v]) => [k, decodeHTMLAttribute(v)])) };
        found.push(f);
        if (VOID.has(el.tagName)) return; // no end tag to wait for
        open.push(f);
        el.onEndTag(() => {
          open = open.filter((o) => o !== f);
        });
      },
    })
    .onDocument({
      text(t) {
        for (const f of open) f.text += t.text;
      },
    });
  await rewriter.transform(new Response(html)).text();
  return found.map((f) => ({ text: decodeHTML(f.text), attrs: f.attrs }));
}

export const texts = async (html: string, selector: string) => (await select(html, selector)).map((f) => f.text.trim());
export const attrs = async (html: string, selector: string, name: string) => (await select(html, selector)).map((f) => f.attrs[name]);

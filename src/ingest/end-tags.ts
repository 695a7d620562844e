/**
 * End-tag callbacks for HTMLRewriter elements. `Element.onEndTag` keeps only the last handler
 * set on an element, and each `.on()` selector gets its own Element object for the same tag,
 * so two handlers interested in one element would silently cancel each other. Here every
 * interested party adds a callback; the element is tagged with a private attribute (the
 * rewritten output is thrown away) so the callbacks of one element find each other.
 */
const MARK = 'data-bantin-end';

export class EndTags {
  private seq = 0;
  private readonly waiting = new Map<string, Array<() => void>>();

  /**
   * Runs `callback` at the element's end tag (also an implied one, e.g. an unclosed <p>
   * closed by its parent's end tag). Returns false, without registering, for elements that
   * have no end tag (void elements such as <img>, <meta>, <link>).
   */
  on(el: Element, callback: () => void): boolean {
    let id = el.getAttribute(MARK);
    if (id === null) {
      id = String(++this.seq);
      el.setAttribute(MARK, id);
    }
    const key = id;
    const list = this.waiting.get(key) ?? [];
    try {
      el.onEndTag(() => {
        this.waiting.delete(key);
        for (const f of list) f();
      });
    } catch {
      return false; // "No end tag"
    }
    list.push(callback);
    this.waiting.set(key, list);
    return true;
  }
}

// @ts-expect-error: sax ships no types; it is a strict, pure-JS XML parser (rss-parser's own).
import sax from 'sax';

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** Parses XML strictly (any well-formedness error throws) into a small tree. */
export function parseXml(xml: string): XmlNode {
  const parser = sax.parser(true, { xmlns: false });
  const root: XmlNode = { name: '#root', attrs: {}, children: [], text: '' };
  const stack = [root];
  parser.onerror = (e: Error) => {
    throw e;
  };
  parser.onopentag = (t: { name: string; attributes: Record<string, string> }) => {
    const node: XmlNode = { name: t.name, attrs: t.attributes, children: [], text: '' };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  };
  parser.onclosetag = () => stack.pop();
  parser.ontext = (t: string) => (stack[stack.length - 1].text += t);
  parser.oncdata = (t: string) => (stack[stack.length - 1].text += t);
  parser.write(xml).close();
  return root.children[0];
}

export const child = (n: XmlNode, name: string) => n.children.find((c) => c.name === name);
export const children = (n: XmlNode, name: string) => n.children.filter((c) => c.name === name);

import MarkdownIt from 'markdown-it';

/**
 * Article Markdown to HTML, the same on the server (readers) and in the editor's preview. Raw HTML
 * in the source is shown as text (html: false), and links go only to the web, e-mail, phone or a
 * page of this site: `javascript:`, `data:` and the like are never made into links.
 */
const SAFE_LINK = /^(https?:\/\/|mailto:|tel:|\/(?!\/)|#)/i;

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
markdown.validateLink = (url: string) => SAFE_LINK.test(url.trim());

const defaultLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const href = String(token.attrGet('href') ?? '');
  // Pages of other sites open apart and learn nothing about where the reader came from.
  if (/^https?:\/\//i.test(href)) {
    token.attrSet('target', '_blank');
    token.attrSet('rel', 'noopener noreferrer');
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};
// Images would load third-party content on a reader's cheap data plan; their text is kept.
markdown.disable('image');

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

/** The words of a Markdown text without its markup, for search and read-aloud. */
export function markdownToPlainText(source: string): string {
  return source
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`~|-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A small Markdown-to-HTML renderer for the platform's own generated documents (docs/catalogue.md), so that the
 * gateway can serve them as a page on a closed network with no renderer and nothing loaded from elsewhere. It knows
 * the subset those documents use (headings, paragraphs, lists one level deep, tables, code spans, emphasis, links)
 * and escapes everything else: whatever the text holds, it comes out as text, never as markup.
 */

/** The id of a heading, as links to it are written in the generated Markdown: `#credit-information-centre-credit`. */
export function headingId(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .trim()
    .replace(/ +/g, '-');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Links within the page, to the console, or to http(s) addresses; anything else (javascript:, data:) stays text. */
const SAFE_HREF = /^(#[A-Za-z0-9_-]*|\/[A-Za-z0-9/_.-]*|https?:\/\/[^\s]+)$/;

/** Inline Markdown of one line: code spans verbatim, then links, bold and italics; the rest escaped. */
export function inline(text: string): string {
  return text
    .split('`')
    .map((part, i, parts) => {
      // An odd part is inside a code span, unless its closing backtick is missing.
      if (i % 2 === 1 && i < parts.length - 1) return `<code>${escapeHtml(part)}</code>`;
      const plain = escapeHtml(i % 2 === 1 ? `\`${part}` : part);
      return plain
        .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (whole, label: string, href: string) => {
          const raw = href.replace(/&amp;/g, '&');
          return SAFE_HREF.test(raw) ? `<a href="${href}">${label}</a>` : whole;
        })
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
        .replace(/(^|[\s(])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>');
    })
    .join('');
}

/** The cells of a table row `| a | b \| c |`: split on unescaped pipes. */
function cells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '\\' && inner[i + 1] === '|') {
      current += '|';
      i++;
    } else if (inner[i] === '|') {
      out.push(current.trim());
      current = '';
    } else current += inner[i];
  }
  out.push(current.trim());
  return out;
}

const LIST_ITEM = /^( *)(-|\d+\.) (.*)$/;

function list(lines: readonly string[]): string {
  // Items at the first indentation; deeper lines belong to the item before them.
  const indent = LIST_ITEM.exec(lines[0]!)![1]!.length;
  const ordered = /^\d/.test(LIST_ITEM.exec(lines[0]!)![2]!);
  const items: { text: string; children: string[] }[] = [];
  for (const line of lines) {
    const m = LIST_ITEM.exec(line);
    if (m && m[1]!.length === indent) items.push({ text: m[3]!, children: [] });
    else if (m && items.length > 0) items[items.length - 1]!.children.push(line);
    else if (items.length > 0) items[items.length - 1]!.text += ` ${line.trim()}`;
  }
  const tag = ordered ? 'ol' : 'ul';
  return `<${tag}>\n${items.map((item) => `<li>${inline(item.text)}${item.children.length ? `\n${list(item.children)}` : ''}</li>`).join('\n')}\n</${tag}>`;
}

function table(rows: readonly string[]): string {
  const [head, , ...body] = rows;
  const th = cells(head!).map((c) => `<th scope="col">${inline(c)}</th>`).join('');
  const tr = body.map((r) => `<tr>${cells(r).map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table class="grid">\n<thead><tr>${th}</tr></thead>\n<tbody>\n${tr}\n</tbody>\n</table>`;
}

/** The HTML of a Markdown document's body (no <html> or <body>). */
export function markdownToHtml(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let i = 0;
  const takeWhile = (test: (line: string) => boolean): string[] => {
    const taken: string[] = [];
    while (i < lines.length && test(lines[i]!)) taken.push(lines[i++]!);
    return taken;
  };
  while (i < lines.length) {
    const line = lines[i]!;
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    if (line.trim() === '') i++;
    else if (line.startsWith('<!--')) {
      // A comment (the generator's note) up to the line that closes it.
      takeWhile((l) => !l.includes('-->'));
      i++;
    }
    else if (heading) {
      const level = heading[1]!.length;
      out.push(`<h${level} id="${headingId(heading[2]!)}">${inline(heading[2]!)}</h${level}>`);
      i++;
    } else if (line.startsWith('|')) out.push(table(takeWhile((l) => l.startsWith('|'))));
    else if (LIST_ITEM.test(line)) out.push(list(takeWhile((l) => l.trim() !== '' && !l.startsWith('#') && !l.startsWith('|'))));
    else out.push(`<p>${inline(takeWhile((l) => l.trim() !== '' && !/^(#{1,6} |\||<!--)/.test(l) && !LIST_ITEM.test(l)).join(' '))}</p>`);
  }
  return out.join('\n');
}

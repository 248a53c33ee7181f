import { headingId, inline, markdownToHtml } from '../../gateway/markdown';

describe('markdownToHtml (the gateway renders its generated documents)', () => {
  it('renders headings with the ids links use, paragraphs, lists and tables', () => {
    const html = markdownToHtml(['# Title', '', 'Some `code` and **bold**, *em*.', '', '- one', '  - nested', '- two', '', '1. first', '', '| A | B |', '| --- | --- |', '| `x` | a \\| b |'].join('\n'));
    expect(html).toContain('<h1 id="title">Title</h1>');
    expect(html).toContain('<p>Some <code>code</code> and <strong>bold</strong>, <em>em</em>.</p>');
    expect(html).toContain('<ul>\n<li>one\n<ul>\n<li>nested</li>\n</ul></li>\n<li>two</li>\n</ul>');
    expect(html).toContain('<ol>\n<li>first</li>\n</ol>');
    expect(html).toContain('<tr><td><code>x</code></td><td>a | b</td></tr>');
    expect(headingId('Credit information centre (`credit`)')).toBe('credit-information-centre-credit');
  });

  it('escapes markup, whatever the text holds, and keeps only safe links', () => {
    const html = markdownToHtml('<script>alert(1)</script> `<b>` [x](javascript:alert(1)) [ok](#a) "q" & \'s\'\n\n<!-- a comment -->\n\n## <img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/<(script|b|img)\b/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<code>&lt;b&gt;</code>');
    expect(html).toContain('[x](javascript:alert(1))');
    expect(html).toContain('<a href="#a">ok</a>');
    expect(html).not.toContain('a comment');
    expect(inline('an `unclosed code span')).toBe('an `unclosed code span');
  });
});

import { describe, expect, test } from 'vitest';
import { locate, textBlocks } from '../lib/text-blocks.js';

function blocksOf(html: string) {
  document.body.innerHTML = html;
  return [...textBlocks(document.body)];
}

describe('textBlocks', () => {
  test('joins a paragraph’s inline text nodes into one block and maps offsets back to nodes', () => {
    const [block, ...rest] = blocksOf('<p>市委书记<b>常书</b><a href="#"><span>铭</span></a>作出批示</p>');
    expect(rest).toHaveLength(0);
    expect(block!.text).toBe('市委书记常书铭作出批示');
    const start = locate(block!, 4);
    const end = locate(block!, 7, true);
    expect(start.node.data).toBe('常书');
    expect(start.offset).toBe(0);
    expect(end.node.data).toBe('铭');
    expect(end.offset).toBe(1);
    // At a node boundary, a start goes to the later node and an end to the earlier one.
    expect(locate(block!, 6).node.data).toBe('铭');
    expect(locate(block!, 6, true).node.data).toBe('常书');
  });

  test('a nested block separates the text around it', () => {
    const blocks = blocksOf('<div>前文<p>段落</p>后文</div>');
    expect(blocks.map((b) => b.text)).toEqual(['前文', '段落', '后文']);
  });

  test('skips form fields, editable regions, code, scripts, styles and the extension’s own UI', () => {
    const blocks = blocksOf(
      '<p>正文晋中</p><textarea>晋中</textarea><input value="晋中"><div contenteditable="true"><p>晋中</p></div>' +
        '<pre><code>晋中</code></pre><script>"晋中"</script><style>.x{}</style><div data-jianbao-ui><p>晋中</p></div><select><option>晋中</option></select>',
    );
    expect(blocks.map((b) => b.text)).toEqual(['正文晋中']);
  });
});

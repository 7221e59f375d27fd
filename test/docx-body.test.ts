import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { documentXml, paragraph, table } from '../src/core/form/docx-body.js';

describe('the Word form body written as text', () => {
  it('stays well-formed XML whatever the application holds: markup, control characters, lone surrogates', () => {
    const awkward = 'Tom & Jerry <b>"quoted"</b> \u0001\u000b bell\u0007 half \ud800 pair 😀';
    const xml = documentXml([paragraph(awkward), table(['File', 'Summary'], [[{ value: awkward, mono: true }, { value: '' }]])]);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('Tom &amp; Jerry &lt;b&gt;"quoted"&lt;/b&gt;  bell half  pair 😀');
  });
});

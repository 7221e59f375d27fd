import { describe, expect, it } from 'vitest';
import { openFolderBag } from '../src/core/bag/folder-source.js';
import type { BagSource } from '../src/core/bag/source.js';
import { validateBag, type BagValidation } from '../src/core/bag/validate-bag.js';
import { manifestOf, plainBag, writeBag } from './helpers/bags.js';

describe('validating a bag, tag files first', () => {
  it('describes the bag from its tag files before any payload file is read, as the validation then does', async () => {
    const payload = { 'data/a.txt': 'first\n', 'data/b.txt': 'second\n', 'data/kept.yaml': 'kept: true\n' };
    const tags = { 'bag-info.txt': 'Payload-Oxum: 24.3\nContact-Name: Sam\n' };
    const folder = writeBag(plainBag(payload, { ...tags, 'tagmanifest-sha256.txt': manifestOf('sha256', tags) }));
    const { source } = await openFolderBag(folder);
    const reads: string[] = [];
    let early: { tags: BagValidation; readBefore: string[] } | undefined;
    const recording: BagSource = {
      ...source,
      read: (path, algorithms, keep) => {
        reads.push(path);
        return source.read(path, algorithms, keep);
      },
    };
    const keep = (path: string): number => (path === 'data/kept.yaml' ? 1024 : 0);
    const bag = await validateBag(recording, {
      keep,
      onTags: (tags) => {
        early = { tags, readBefore: [...reads] };
      },
    });

    expect(early).toBeDefined();
    expect(early!.readBefore).not.toContain('data/a.txt');
    expect(early!.readBefore).not.toContain('data/b.txt');
    expect(early!.readBefore).toContain('data/kept.yaml');
    expect(reads).toEqual(expect.arrayContaining(['data/a.txt', 'data/b.txt']));
    const { findings: _, ...described } = early!.tags;
    const { findings, ...validated } = bag;
    expect(described).toEqual(validated);
    expect(findings).toEqual([]);
    expect(bag.reading.contents.get('data/kept.yaml')?.toString()).toBe('kept: true\n');
  });
});

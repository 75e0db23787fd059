import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffText, hasChanges } from './text-diff.js';

const join = (parts: { op: string; text: string }[], keep: string) => parts.filter((part) => part.op === 'equal' || part.op === keep).map((part) => part.text).join('');

describe('diffText', () => {
  it('names the words that changed', () => {
    expect(diffText('Bring your passport and a photo.', 'Bring your passport and two photos.')).toEqual([
      { op: 'equal', text: 'Bring your passport and ' },
      { op: 'delete', text: 'a photo.' },
      { op: 'insert', text: 'two photos.' },
    ]);
  });

  it('finds no change in equal texts', () => {
    expect(hasChanges(diffText('same\ntext', 'same\ntext'))).toBe(false);
  });

  it('always rebuilds both texts from its parts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (before, after) => {
        const parts = diffText(before, after);
        expect(join(parts, 'delete')).toBe(before);
        expect(join(parts, 'insert')).toBe(after);
      }),
    );
  });
});

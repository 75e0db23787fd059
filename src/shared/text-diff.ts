/** One piece of a difference between two texts. */
export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** Beyond this many token pairs the diff compares whole lines (keeps the table small). */
const MAX_WORD_CELLS = 4_000_000;

/**
 * What changed from `before` to `after`, word by word (whitespace kept as its own tokens so the
 * parts join back into the texts). Large texts fall back to a line diff. A plain longest common
 * subsequence: articles are a few pages, and translators need correctness, not speed.
 */
export function diffText(before: string, after: string): DiffPart[] {
  const wordsBefore = tokenize(before);
  const wordsAfter = tokenize(after);
  if (wordsBefore.length * wordsAfter.length <= MAX_WORD_CELLS) return diffTokens(wordsBefore, wordsAfter);
  return diffTokens(splitLines(before), splitLines(after));
}

function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function diffTokens(a: string[], b: string[]): DiffPart[] {
  // Trim the common start and end first: edits are usually local.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const parts: DiffPart[] = [];
  push(parts, 'equal', a.slice(0, start).join(''));
  const rows = midA.length;
  const cols = midB.length;
  const lengths = new Uint32Array((rows + 1) * (cols + 1));
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = cols - 1; j >= 0; j--) {
      lengths[i * (cols + 1) + j] = midA[i] === midB[j] ? lengths[(i + 1) * (cols + 1) + j + 1]! + 1 : Math.max(lengths[(i + 1) * (cols + 1) + j]!, lengths[i * (cols + 1) + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < rows && j < cols) {
    if (midA[i] === midB[j]) {
      push(parts, 'equal', midA[i]!);
      i++;
      j++;
    } else if (lengths[(i + 1) * (cols + 1) + j]! >= lengths[i * (cols + 1) + j + 1]!) {
      push(parts, 'delete', midA[i++]!);
    } else {
      push(parts, 'insert', midB[j++]!);
    }
  }
  while (i < rows) push(parts, 'delete', midA[i++]!);
  while (j < cols) push(parts, 'insert', midB[j++]!);
  push(parts, 'equal', a.slice(endA).join(''));
  return readable(parts);
}

/**
 * Joins changes separated only by whitespace into one deletion and one insertion, so that a
 * translator reads "a photo." → "two photos." instead of a word-by-word zigzag.
 */
function readable(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let deleted = '';
  let inserted = '';
  const flush = () => {
    push(out, 'delete', deleted);
    push(out, 'insert', inserted);
    deleted = '';
    inserted = '';
  };
  parts.forEach((part, index) => {
    const between = index > 0 && index < parts.length - 1 && parts[index - 1]!.op !== 'equal' && parts[index + 1]!.op !== 'equal';
    if (part.op === 'delete') deleted += part.text;
    else if (part.op === 'insert') inserted += part.text;
    else if (between && /^\s+$/.test(part.text)) {
      deleted += part.text;
      inserted += part.text;
    } else {
      flush();
      push(out, 'equal', part.text);
    }
  });
  flush();
  return out;
}

function push(parts: DiffPart[], op: DiffPart['op'], text: string): void {
  if (text === '') return;
  const last = parts.at(-1);
  if (last && last.op === op) last.text += text;
  else parts.push({ op, text });
}

/** True when the diff contains a change. */
export function hasChanges(parts: DiffPart[]): boolean {
  return parts.some((part) => part.op !== 'equal');
}

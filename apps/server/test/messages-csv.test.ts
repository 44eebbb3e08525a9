import { describe, expect, it } from 'vitest';
import { CSV_MAX_FIELD, csvField, csvRows, guessDelimiter } from '../src/domain/messages/csv.ts';

async function rows(chunks: string[], delimiter = ',') {
  async function* source() {
    yield* chunks;
  }
  const out: [number, string[]][] = [];
  for await (const row of csvRows(source(), delimiter)) out.push([row.line, row.fields]);
  return out;
}

describe('csvRows', () => {
  it('reads quoted fields, doubled quotes, newlines inside quotes and CRLF', async () => {
    expect(await rows(['a,b,c\r\n1,"x, ""y""\nz",3\r\n\r\n4,,6'])).toEqual([
      [1, ['a', 'b', 'c']],
      [2, ['1', 'x, "y"\nz', '3']],
      [5, ['4', '', '6']],
    ]);
  });

  it('gives the same rows whatever the chunk boundaries', async () => {
    const text = 'k;v\n"a""b";"c\nd"\r\n"e";""""\n';
    const whole = await rows([text], ';');
    for (let cut = 1; cut < text.length; cut++) {
      expect(await rows([text.slice(0, cut), text.slice(cut)], ';'), `cut at ${cut}`).toEqual(whole);
    }
    expect(whole).toEqual([
      [1, ['k', 'v']],
      [2, ['a"b', 'c\nd']],
      [4, ['e', '"']],
    ]);
  });

  it('reports an unclosed quote with its line', async () => {
    await expect(rows(['a\n"never closed\n\n'])).rejects.toMatchObject({ line: 2 });
  });

  it('stops at a field longer than the maximum instead of reading the whole file into it', async () => {
    async function* source() {
      yield 'a,b\n1,"open';
      for (let i = 0; ; i++) {
        if (i > 100) throw new Error('read on past the maximum');
        yield 'x'.repeat(512);
      }
    }
    const all = async () => {
      for await (const row of csvRows(source(), ',', 4096)) void row;
    };
    await expect(all()).rejects.toMatchObject({
      line: 2,
      message: expect.stringMatching(/longer than 4096 characters starts on line 2/) as string,
    });
    expect(CSV_MAX_FIELD).toBe(16 << 20);
  });
});

describe('csv helpers', () => {
  it('guesses the delimiter from the header and quotes fields that need it', () => {
    expect(guessDelimiter('Num_Acc;grav;an')).toBe(';');
    expect(guessDelimiter('a,b')).toBe(',');
    expect(guessDelimiter('a\tb\tc')).toBe('\t');
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,"b"\n')).toBe('"a,""b""\n"');
  });
});

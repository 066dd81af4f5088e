import { describe, expect, it } from 'vitest';
import { contentMatchesName } from './upload';

describe('an upload’s content against its name (issue 20 §8, ASVS 12.2.1)', () => {
  const html = Buffer.from('\n  <!doctype html><html><script>alert(1)</script></html>');
  const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);

  it('accepts files that are what their names say', () => {
    expect(contentMatchesName('brev.pdf', Buffer.from('%PDF-1.4\n...'))).toBe(true);
    expect(
      contentMatchesName('foto.PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])),
    ).toBe(true);
    expect(contentMatchesName('foto.jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe(true);
    expect(contentMatchesName('liste.xlsx', zip)).toBe(true);
    expect(contentMatchesName('brev.docx', zip)).toBe(true);
    expect(contentMatchesName('liste.csv', Buffer.from('\ufeffcpr;navn\n0101901234;Jens'))).toBe(true);
    // Windows-1252, as Excel saves a CSV on a Danish PC.
    expect(
      contentMatchesName('liste.csv', Buffer.from([0x6e, 0x61, 0x76, 0x6e, 0x3b, 0xc6, 0xd8, 0xc5])),
    ).toBe(true);
  });

  it('refuses HTML or a program under a document’s name, and binary data as text', () => {
    expect(contentMatchesName('brev.pdf', html)).toBe(false);
    expect(contentMatchesName('liste.csv', html)).toBe(false);
    expect(contentMatchesName('noter.txt', Buffer.from('<svg onload="alert(1)"/>'))).toBe(false);
    expect(contentMatchesName('liste.xlsx', Buffer.from('cpr;navn'))).toBe(false);
    expect(contentMatchesName('foto.jpg', Buffer.from('MZ\x90\x00'))).toBe(false);
    expect(contentMatchesName('liste.csv', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]))).toBe(false);
  });

  it('leaves endings it does not know to the route, which refuses the types it does not keep', () => {
    expect(contentMatchesName('virus.exe', html)).toBe(true);
  });
});

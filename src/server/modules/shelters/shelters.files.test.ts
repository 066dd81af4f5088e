import { describe, expect, it } from 'vitest';
import { flatText } from '../../test/documents';
import {
  type NotificationLetterInput,
  notificationLetterDocument,
  renderNotificationLetter,
} from './shelters.files';

const letter: NotificationLetterInput = {
  municipality: { name: 'Sønderå Kommune', authority: 'Social- og Sundhedsforvaltningen' },
  shelterName: 'Herberget Åbrinken',
  handlekommune: '851',
  citizen: { name: 'Øjvind Ærø', cpr: '0101605001', birthDate: null, initials: null },
  admittedOn: '2026-03-30',
  admissionDecidedOn: '2026-03-27',
  notifiedOn: '2026-04-01',
  date: '2026-04-02',
  signedBy: 'Herdis Herberg',
};

/** Every string of a pdfmake content definition, in order. */
function texts(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(texts);
  if (node && typeof node === 'object') return Object.values(node).flatMap(texts);
  return [];
}

describe('the notification letter of § 110 stk. 6', () => {
  it('names the handlekommune, the shelter, the citizen by CPR number and the dates as dd.mm.åååå', () => {
    const text = texts(notificationLetterDocument(letter).content).join(' ');
    for (const expected of [
      'Underretning om optagelse på boform efter serviceloven § 110',
      'Kommunekode 851',
      'Øjvind Ærø',
      '010160-5001',
      'Herberget Åbrinken (serviceloven § 110)',
      'Sønderå Kommune',
      '27.03.2026',
      '30.03.2026',
      '01.04.2026',
      'Dato: 02.04.2026',
      'senest 3 hverdage',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('2026-03-30');
  });

  it('names a citizen without CPR number by birth date and initials', () => {
    const text = texts(
      notificationLetterDocument({
        ...letter,
        citizen: { name: null, cpr: null, birthDate: '1971-04-02', initials: 'KP' },
      }).content,
    ).join(' ');
    expect(text).toContain('Fødselsdato');
    expect(text).toContain('02.04.1971');
    expect(text).toContain('KP');
    expect(text).not.toContain('CPR-nummer');
  });

  it('renders as a PDF that draws the same text', async () => {
    const pdf = await renderNotificationLetter(letter);
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = flatText(pdf);
    for (const expected of ['Øjvind Ærø', '010160-5001', '27.03.2026', '30.03.2026', 'Med venlig hilsen'])
      expect(text).toContain(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { AGE_BANDS } from '../../../shared/citizens/status';
import { VIVE_SITUATIONS } from '../../../shared/citizens/whereabouts';
import type { CountSex } from '../../../shared/count/model';
import { type CountedPerson, countFigures, reportedFigures } from '../../../shared/count/report';
import { isSuppressed, type ReportedCountAt } from '../../../shared/suppression';
import { possibleValues } from '../../test/suppression';

// Domain rule 33 and issue 20 (c): the count report publishes a total and three breakdowns of it
// together (situation, age band, sex), so a suppressed cell must not be worked out from the total
// or from another breakdown. Checked by an independent reader's reasoning (test/suppression.ts).

const SEXES: readonly CountSex[] = ['male', 'female', 'unknown'];

/** The report's breakdowns as a reader sees them, each a partition of the total. */
function published(people: readonly CountedPerson[]) {
  const f = countFigures(2024, people);
  const r = reportedFigures(f);
  const breakdowns: ReportedCountAt[][] = [
    VIVE_SITUATIONS.map((s) => r.bySituation[s]),
    AGE_BANDS.map((a) => r.byAgeBand[a]),
    SEXES.map((s) => r.bySex[s]),
  ];
  return { total: r.total, breakdowns };
}

/** The suppressed cells a reader can work out to one value. */
function givenAway(people: readonly CountedPerson[]): string[] {
  const { total, breakdowns } = published(people);
  const out: string[] = [];
  breakdowns.forEach((cells, b) => {
    cells.forEach((cell, i) => {
      if (isSuppressed(cell) && possibleValues(total, breakdowns, [b, i]).length === 1) out.push(`${b}:${i}`);
    });
  });
  return out;
}

const person = (over: Partial<CountedPerson> = {}): CountedPerson => ({
  situation: 'street',
  birthDate: '1980-01-01',
  sex: 'male',
  migrantWithoutResidence: false,
  ...over,
});

describe('the count report suppressed as one publication (rule 33, issue 20 (c))', () => {
  it('does not give away one woman among six counted: a "<5" beside the "x" of a total of 6 would be 1', () => {
    const people = [...Array.from({ length: 5 }, () => person()), person({ sex: 'female' })];
    const { total, breakdowns } = published(people);
    expect(total).toBe(6);
    const female = SEXES.indexOf('female');
    expect(isSuppressed(breakdowns[2]?.[female] ?? 0)).toBe(true);
    expect(givenAway(people)).toEqual([]);
  });

  it('gives no suppressed cell away in 400 seeded random counts of 1 to 40 people', () => {
    let seed = 20_261_207;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const years = ['1950-05-05', '1970-05-05', '1990-05-05', '2000-05-05', '2010-05-05'];
    let suppressedSeen = 0;
    for (let n = 0; n < 400; n++) {
      const size = 1 + Math.floor(random() * 40);
      const people = Array.from({ length: size }, () =>
        person({
          situation: pick(VIVE_SITUATIONS.slice(0, 4)),
          birthDate: pick(years),
          sex: pick(['male', 'male', 'female', 'unknown'] as const),
        }),
      );
      const { breakdowns } = published(people);
      suppressedSeen += breakdowns.flat().filter(isSuppressed).length;
      expect(givenAway(people), `case ${n}: ${JSON.stringify(published(people))}`).toEqual([]);
    }
    expect(suppressedSeen).toBeGreaterThan(100);
  });
});

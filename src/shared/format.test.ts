import { describe, expect, it } from 'vitest';
import { danishDate, danishNumber, kroner } from './format';

describe('danishNumber', () => {
  it('writes a thousands point and a decimal comma, with the decimals asked for', () => {
    expect(danishNumber(5250)).toBe('5.250');
    expect(danishNumber(78.46, 1)).toBe('78,5');
    expect(danishNumber(7.5, 0, 2)).toBe('7,5');
    expect(danishNumber(7, 2)).toBe('7,00');
  });
});

describe('kroner', () => {
  it('writes whole kroner without decimals and øre with two', () => {
    expect(kroner(5250)).toBe('5.250 kr.');
    expect(kroner(5250.5)).toBe('5.250,50 kr.');
  });
});

describe('danishDate', () => {
  it('writes åååå-mm-dd as dd.mm.åååå and leaves other text unchanged', () => {
    expect(danishDate('2026-02-01')).toBe('01.02.2026');
    expect(danishDate('2026-02-01T10:00:00Z')).toBe('01.02.2026');
    expect(danishDate('i går')).toBe('i går');
  });
});

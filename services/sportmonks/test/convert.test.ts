import { describe, expect, it } from 'vitest';
import { fromUnixSeconds, orNull, toBool, toDateOnly, toInt, toNumber, toUtcDateTime } from '../src/mapping/convert.ts';

describe("SportMonks' loose values", () => {
  it('reads integers and decimals sent as numbers or strings, and nothing else', () => {
    expect([toInt(7), toInt('42'), toInt('4.5'), toInt(''), toInt(null), toInt(undefined), toInt('x')]).toEqual([7, 42, null, null, null, null, null]);
    expect([toNumber(' 55.849711 '), toNumber(-4.2), toNumber(''), toNumber('north'), toNumber(null)]).toEqual([55.849711, -4.2, null, null, null]);
  });

  it('reads flags as booleans or 0/1, with a fallback when absent, and empty text as null', () => {
    expect([toBool(true), toBool(1), toBool(0), toBool(false), toBool(null), toBool(undefined, true)]).toEqual([true, true, false, false, false, true]);
    expect([orNull('x'), orNull(''), orNull(null), orNull(undefined)]).toEqual(['x', null, null, null]);
  });

  it('turns every datetime form into ISO 8601 UTC: naive is UTC, zoned is converted, a bare date is midnight', () => {
    expect(toUtcDateTime('2024-08-04 14:00:00')).toBe('2024-08-04T14:00:00.000Z');
    expect(toUtcDateTime('2024-08-04T14:00')).toBe('2024-08-04T14:00:00.000Z');
    expect(toUtcDateTime('2024-08-04T16:00:00+02:00')).toBe('2024-08-04T14:00:00.000Z');
    expect(toUtcDateTime('2024-08-04T14:00:00.250Z')).toBe('2024-08-04T14:00:00.250Z');
    expect(toUtcDateTime('2024-08-04')).toBe('2024-08-04T00:00:00.000Z');
    expect([toUtcDateTime(' '), toUtcDateTime('soon'), toUtcDateTime('2024-13-45 99:99:99'), toUtcDateTime(null)]).toEqual([null, null, null, null]);
    expect([fromUnixSeconds(1722780000), fromUnixSeconds('1722780000'), fromUnixSeconds(0), fromUnixSeconds(null)]).toEqual(['2024-08-04T14:00:00.000Z', '2024-08-04T14:00:00.000Z', null, null]);
  });

  it('takes the date of a date or a datetime, and refuses what is not one', () => {
    expect([toDateOnly('2025-05-18'), toDateOnly('2025-05-18 16:52:01'), toDateOnly('2025-05-18T16:52:01Z')]).toEqual(['2025-05-18', '2025-05-18', '2025-05-18']);
    expect([toDateOnly('18/05/2025'), toDateOnly('2025-99-99'), toDateOnly(null), toDateOnly(undefined)]).toEqual([null, null, null, null]);
  });
});

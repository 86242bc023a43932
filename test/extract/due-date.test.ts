import { describe, expect, it } from 'vitest';
import { resolveDue } from '../../src/extract/due-date.js';

// One row per line of the SCORING.md due-date table. Reference dates are chosen so that weekday
// arithmetic is non-trivial: Tue 2026-03-10, Thu 2026-03-12, Fri 2026-04-24, Sun 2026-03-15.

describe('resolveDue follows the SCORING.md table', () => {
  it.each([
    ['today', '2026-03-10', '2026-03-10'],
    ['tonight', '2026-03-10', '2026-03-10'],
    ['by EOD', '2026-03-10', '2026-03-10'],
    ['right now', '2026-03-10', '2026-03-10'],
    ['ASAP', '2026-03-10', '2026-03-10'],
    ['immediately', '2026-03-10', '2026-03-10'],
    ['within the hour', '2026-03-10', '2026-03-10'],
    ['by end of day', '2026-04-02', '2026-04-02'],
    ['this afternoon', '2026-03-19', '2026-03-19'],
    ['right after this call', '2026-03-10', '2026-03-10'],
  ])('"%s" on %s is the reference date', (phrase, ref, want) => {
    expect(resolveDue(phrase, ref)).toBe(want);
  });

  it.each([
    ['tomorrow', '2026-03-10', '2026-03-11'],
    ['first thing tomorrow', '2026-03-10', '2026-03-11'],
    ['by end of day tomorrow', '2026-03-17', '2026-03-18'],
    ['tomorrow morning', '2026-03-31', '2026-04-01'],
  ])('"%s" on %s is the next day', (phrase, ref, want) => {
    expect(resolveDue(phrase, ref)).toBe(want);
  });

  it.each([
    ['by Friday', '2026-03-10', '2026-03-13'],
    ['Monday', '2026-04-14', '2026-04-20'],
    ['on Tuesday', '2026-04-24', '2026-04-28'],
    ['starting Monday', '2026-04-24', '2026-04-27'],
    // strictly after: the same weekday as the reference date is a week later
    ['by Tuesday', '2026-03-10', '2026-03-17'],
  ])('weekday "%s" on %s is the next such day strictly after', (phrase, ref, want) => {
    expect(resolveDue(phrase, ref)).toBe(want);
  });

  it.each([
    ['this week', '2026-03-12', '2026-03-13'],
    ['next week', '2026-03-19', '2026-03-27'],
    ['by end of next week', '2026-04-07', '2026-04-17'],
    // weeks run Monday to Sunday: on a Sunday, "next week" is the Friday after the coming Monday
    ['next week', '2026-03-15', '2026-03-20'],
  ])('"%s" on %s is a Friday of a Monday-Sunday week', (phrase, ref, want) => {
    expect(resolveDue(phrase, ref)).toBe(want);
  });

  it.each([
    ['by May 15', '2026-04-29', '2026-05-15'],
    ['until April 6th', '2026-03-19', '2026-04-06'],
    ['bis Freitag', '2026-04-21', '2026-04-24'],
    ['by Friday, April 3rd', '2026-03-19', '2026-04-03'],
    ['by Wednesday the 18th', '2026-03-12', '2026-03-18'],
  ])('"%s" on %s is X', (phrase, ref, want) => {
    expect(resolveDue(phrase, ref)).toBe(want);
  });

  it.each([
    ['before Monday, April 6th', '2026-03-19', '2026-04-05'],
    ['before April 1st', '2026-03-24', '2026-03-31'],
    ['antes del 10 de mayo', '2026-04-21', '2026-05-09'],
  ])('"%s" on %s is the day before X', (phrase, ref, want) => {
    expect(resolveDue(phrase, ref)).toBe(want);
  });

  it('"X or Y" is the later of the two', () => {
    expect(resolveDue('Wednesday or Thursday', '2026-04-14')).toBe('2026-04-16');
    expect(resolveDue('Thursday or Wednesday', '2026-04-14')).toBe('2026-04-16');
  });

  it('"N weeks before X" is X minus 7N days', () => {
    expect(resolveDue('two weeks before May 10th', '2026-03-12')).toBe('2026-04-26');
    expect(resolveDue('3 weeks before June 1', '2026-03-12')).toBe('2026-05-11');
  });

  it('"the 15th" is the next 15th on or after the reference date', () => {
    expect(resolveDue('by the 15th', '2026-04-13')).toBe('2026-04-15');
    expect(resolveDue('the 15th', '2026-04-15')).toBe('2026-04-15');
    expect(resolveDue('by the 15th', '2026-04-16')).toBe('2026-05-15');
  });

  it.each(['mid-February', 'once tracking is live', 'soon', 'at some point', 'whenever', 'next month', ''])('vague "%s" is null', (phrase) => {
    expect(resolveDue(phrase, '2026-03-10')).toBeNull();
  });

  it('null phrase is null', () => {
    expect(resolveDue(null, '2026-03-10')).toBeNull();
  });

  it('French and other languages go through the same table', () => {
    expect(resolveDue('avant le 4 mai', '2026-04-21')).toBe('2026-05-03');
    expect(resolveDue("d'ici vendredi", '2026-04-21')).toBe('2026-04-24');
    expect(resolveDue('d’ici vendredi', '2026-04-21')).toBe('2026-04-24');
    expect(resolveDue("d'ici la fin de la semaine prochaine", '2026-04-21')).toBe('2026-05-01');
    expect(resolveDue('demain', '2026-04-21')).toBe('2026-04-22');
    expect(resolveDue('hasta el viernes', '2026-04-21')).toBe('2026-04-24');
  });
});

describe('resolveDue beyond the table', () => {
  it('"end of the month" and "end of <month>" are the last day of that month; "<weekday> next week" is that day of next week', () => {
    expect(resolveDue('by the end of the month', '2026-05-12')).toBe('2026-05-31');
    expect(resolveDue('by end of June', '2026-06-10')).toBe('2026-06-30');
    expect(resolveDue('by the end of May', '2026-06-10')).toBe('2027-05-31');
    expect(resolveDue('Tuesday next week', '2026-06-01')).toBe('2026-06-09');
  });
});

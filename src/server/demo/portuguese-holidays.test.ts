import { describe, expect, it } from 'vitest';
import { easterSunday, portugueseHolidays } from './portuguese-holidays.js';

describe('Portuguese public holidays', () => {
  it('finds Easter Sunday of known years', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('lists the thirteen national holidays with the movable feasts of the year', () => {
    const holidays = portugueseHolidays(2026);
    expect(holidays).toHaveLength(13);
    expect(holidays).toContainEqual({ date: '2026-04-03', label: 'Sexta-feira Santa' });
    expect(holidays).toContainEqual({ date: '2026-06-04', label: 'Corpo de Deus' });
    expect(holidays[0]).toEqual({ date: '2026-01-01', label: 'Ano Novo' });
    expect(holidays.at(-1)).toEqual({ date: '2026-12-25', label: 'Natal' });
  });
});

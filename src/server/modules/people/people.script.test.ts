import { describe, expect, it } from 'vitest';
import { detectScript } from './people.names.js';

describe('the script of a name typed without naming it', () => {
  it('recognises the scripts the registry matches across', () => {
    expect(detectScript('فاطمة الزهراء')).toBe('Arab');
    expect(detectScript('رضا احمدی')).toBe('Arab');
    expect(detectScript('Олена Коваленко')).toBe('Cyrl');
    expect(detectScript('राहुल शर्मा')).toBe('Deva');
    expect(detectScript('রহিম উদ্দিন')).toBe('Beng');
    expect(detectScript('王伟')).toBe('Hani');
  });
  it('says nothing for Latin letters or an empty name', () => {
    expect(detectScript('José Pereira')).toBeNull();
    expect(detectScript(' ')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { formatMessage, placeholders } from '../../analyzer/src/i18n/format.js';
import { formatUtc } from '../../analyzer/src/i18n/dates.js';
import { languageFromLocale, resolveLang } from '../../analyzer/src/i18n/resolve.js';
import { ui } from '../../analyzer/src/i18n/translate.js';

const CONTAINERS = '{{n, plural, one{# контейнер} few{# контейнера} many{# контейнеров} other{# контейнера}}}';

describe('formatMessage', () => {
  it('fills placeholders and leaves an unknown one visible', () => {
    expect(formatMessage('{{a}} of {{b}}', { a: 1, b: 'x' }, 'en')).toBe('1 of x');
    expect(formatMessage('{{a}} {{missing}}', { a: 1 }, 'en')).toBe('1 {{missing}}');
  });
  it('Russian plural forms for 1, 2, 5, 11, 21, 22, 25 (and 1.5)', () => {
    const f = (n: number) => formatMessage(CONTAINERS, { n }, 'ru');
    expect([1, 2, 5, 11, 21, 22, 25].map(f)).toEqual(['1 контейнер', '2 контейнера', '5 контейнеров', '11 контейнеров', '21 контейнер', '22 контейнера', '25 контейнеров']);
    expect(f(1.5)).toBe('1.5 контейнера');
  });
  it('Chinese has one form; English one/other', () => {
    expect(formatMessage('{{n, plural, other{# 个容器}}}', { n: 1 }, 'zh-CN')).toBe('1 个容器');
    expect(formatMessage('{{n, plural, one{# item} other{# items}}}', { n: 1 }, 'en')).toBe('1 item');
    expect(formatMessage('{{n, plural, one{# item} other{# items}}}', { n: 0 }, 'en')).toBe('0 items');
  });
  it('placeholders inside plural branches count, and a malformed plural prints as written', () => {
    expect(placeholders('{{n, plural, one{# {{x}}} other{# {{y}}}}} {{z}}')).toEqual(['n', 'x', 'y', 'z']);
    expect(formatMessage('{{n, plural, one{x}', { n: 1 }, 'en')).toBe('{{n, plural, one{x}');
  });
  it('catalog UI strings decline by count', () => {
    expect(ui('ru', 'report.more-lines', { count: 3 })).toBe('еще 3 строки');
    expect(ui('ru', 'report.more-lines', { count: 5 })).toBe('еще 5 строк');
    expect(ui('zh-CN', 'report.more-lines', { count: 5 })).toBe('另有 5 行');
  });
});

describe('formatUtc', () => {
  // 2026-03-01T23:30:00Z is 2 March in UTC+8 and 1 March in UTC: the date must follow UTC.
  const t = '2026-03-01T23:30:00Z';
  it('Russian and Chinese dates, in UTC', () => {
    expect(formatUtc(t, 'ru', 'date')).toBe('1 марта 2026 г.');
    expect(formatUtc(t, 'zh-CN', 'date')).toBe('2026年3月1日');
    expect(formatUtc(t, 'ru')).toBe('1 марта 2026 г. 23:30:00 UTC');
    expect(formatUtc(t, 'zh-CN')).toBe('2026年3月1日 23:30:00 UTC');
    expect(formatUtc(t, 'en', 'date')).toBe('March 1st, 2026');
  });
  it('does not depend on the process time zone', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Shanghai';
      expect(formatUtc(t, 'zh-CN', 'date')).toBe('2026年3月1日');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('resolveLang', () => {
  it('option, then DOCKER_POSTMORTEM_LANG, then the locale, then English', () => {
    expect(resolveLang('ru', { DOCKER_POSTMORTEM_LANG: 'zh-CN', LANG: 'en_US.UTF-8' })).toEqual({ lang: 'ru', from: 'option' });
    expect(resolveLang(undefined, { DOCKER_POSTMORTEM_LANG: 'zh-cn', LANG: 'ru_RU.UTF-8' })).toEqual({ lang: 'zh-CN', from: 'DOCKER_POSTMORTEM_LANG' });
    expect(resolveLang(undefined, { LANG: 'ru_RU.UTF-8' })).toEqual({ lang: 'ru', from: 'locale' });
    expect(resolveLang(undefined, { LC_ALL: 'zh_CN.UTF-8', LANG: 'ru_RU.UTF-8' })).toEqual({ lang: 'zh-CN', from: 'locale' });
    expect(resolveLang(undefined, {})).toEqual({ lang: 'en', from: 'default' });
  });
  it('an unknown name asked for is an error; an unknown locale is English', () => {
    expect(resolveLang('de', {})).toHaveProperty('error');
    expect(resolveLang(undefined, { DOCKER_POSTMORTEM_LANG: 'fr' })).toHaveProperty('error');
    expect(resolveLang(undefined, { LANG: 'de_DE.UTF-8' })).toEqual({ lang: 'en', from: 'default' });
    expect(resolveLang(undefined, { LC_ALL: 'C', LANG: 'ru_RU.UTF-8' })).toEqual({ lang: 'en', from: 'default' });
  });
  it('locales: Traditional Chinese regions are not zh-CN', () => {
    expect(languageFromLocale('zh_TW.UTF-8')).toBeUndefined();
    expect(languageFromLocale('zh_SG.UTF-8')).toBe('zh-CN');
    expect(languageFromLocale('ru_UA.UTF-8@euro')).toBe('ru');
    expect(languageFromLocale('POSIX')).toBeUndefined();
  });
});

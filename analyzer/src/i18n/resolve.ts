/**
 * Which language a run writes in: `--lang`, else DOCKER_POSTMORTEM_LANG, else the locale
 * (LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them), else English.
 *
 * An unknown `--lang` or DOCKER_POSTMORTEM_LANG is a usage error (someone asked for it by name);
 * a locale we have no catalog for (`de_DE.UTF-8`, `C`) quietly means English.
 */
import { DEFAULT_LANG, LANG_TAGS, findLanguage, type LangTag } from './registry.js';

export type LangResolution = { lang: LangTag; from: 'option' | 'DOCKER_POSTMORTEM_LANG' | 'locale' | 'default' } | { error: string };

/** `ru_RU.UTF-8` → `ru-RU`, `zh_CN.GB2312@x` → `zh-CN`, `C`/`POSIX` → undefined. */
function localeTag(locale: string): string | undefined {
  const base = locale.split(/[.@]/)[0]!.trim();
  if (!base || base === 'C' || base === 'POSIX') return undefined;
  return base.replace(/_/g, '-');
}

/** A locale's language: the full tag first (`zh-CN`), then its first part (`ru-RU` → `ru`). `zh-TW` is not zh-CN. */
export function languageFromLocale(locale: string): LangTag | undefined {
  const tag = localeTag(locale);
  if (!tag) return undefined;
  const exact = findLanguage(tag);
  if (exact) return exact;
  const [primary, region] = tag.split('-');
  // A region with its own script (Taiwan, Hong Kong) must not fall back to Simplified Chinese.
  if (primary?.toLowerCase() === 'zh' && region) return undefined;
  return primary ? findLanguage(primary) : undefined;
}

export function resolveLang(option: string | undefined, env: NodeJS.ProcessEnv = process.env): LangResolution {
  const named = (v: string, from: 'option' | 'DOCKER_POSTMORTEM_LANG'): LangResolution => {
    const lang = findLanguage(v.trim());
    return lang ? { lang, from } : { error: `unknown language ${v} (use ${LANG_TAGS.join(', ')})` };
  };
  if (option !== undefined && option !== '') return named(option, 'option');
  const fromEnv = env.DOCKER_POSTMORTEM_LANG;
  if (fromEnv) return named(fromEnv, 'DOCKER_POSTMORTEM_LANG');
  // The first locale variable that is set decides, as for any POSIX program (LC_ALL=C means C).
  for (const v of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const locale = env[v];
    if (!locale) continue;
    const lang = languageFromLocale(locale);
    return lang ? { lang, from: 'locale' } : { lang: DEFAULT_LANG, from: 'default' };
  }
  return { lang: DEFAULT_LANG, from: 'default' };
}

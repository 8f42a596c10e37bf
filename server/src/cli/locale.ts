// Which language the CLI's reports use: --locale, else LC_ALL, LC_MESSAGES,
// LANG (the first that is set and not empty, as POSIX does). Chinese unless
// the environment names another language; C and POSIX say nothing, so they
// keep the Chinese default of a tool made for Chinese drafts.
import type { LocalizedText } from '../engine/index.js';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

export function localeFromEnv(env: NodeJS.ProcessEnv): Locale {
  const value = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  if (!value) return 'zh-CN';
  const lang = value.split(/[_.@-]/)[0].toLowerCase();
  if (lang === 'c' || lang === 'posix' || lang === 'zh') return 'zh-CN';
  return 'en';
}

export function parseLocale(value: string): Locale | null {
  const v = value.toLowerCase().replace('_', '-');
  if (v === 'zh' || v === 'zh-cn' || v === 'zh-hans') return 'zh-CN';
  if (v === 'en' || v.startsWith('en-')) return 'en';
  return null;
}

export function pick(text: LocalizedText, locale: Locale): string {
  return locale === 'en' ? text.en : text.zh;
}

export function t(locale: Locale, zh: string, en: string): string {
  return locale === 'en' ? en : zh;
}

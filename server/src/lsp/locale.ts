// Which language users read: zh-CN for zh-* client locales (and by default),
// English otherwise; the `gongwen.locale` setting overrides the client's locale.
import type { LocalizedText } from '../engine/index.js';

export type Locale = 'zh-CN' | 'en';

export function localeFrom(setting: string | undefined, clientLocale: string | undefined): Locale {
  if (setting === 'zh-CN' || setting === 'en') return setting;
  if (!clientLocale) return 'zh-CN';
  return clientLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function pick(text: LocalizedText, locale: Locale): string {
  return locale === 'en' ? text.en : text.zh;
}

/** Inline bilingual text for strings made here (not by the engine). */
export function t(locale: Locale, zh: string, en: string): string {
  return locale === 'en' ? en : zh;
}

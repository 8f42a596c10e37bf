// Runtime strings: English source strings translated by @vscode/l10n bundles.
// The `gongwen.locale` setting overrides VS Code's display language, so the
// Chinese UI can be used (and tested) where no zh-cn language pack is installed.
import * as fs from 'node:fs';
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

export function uiLocale(): 'zh-CN' | 'en' {
  const setting = vscode.workspace.getConfiguration('gongwen').get<string>('locale', 'auto');
  if (setting === 'zh-CN' || setting === 'en') return setting;
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function initL10n(context: vscode.ExtensionContext): void {
  const load = () => {
    if (uiLocale() === 'zh-CN') {
      const file = context.asAbsolutePath('client/l10n/bundle.l10n.zh-cn.json');
      l10n.config({ contents: JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string> });
    } else {
      l10n.config({ contents: {} });
    }
  };
  load();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('gongwen.locale')) load();
    }),
  );
}

export const t = (message: string, ...args: Array<string | number | boolean>): string => l10n.t(message, ...args);

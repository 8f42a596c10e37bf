// Settings per resource (workspace/configuration, so multi-root workspaces and
// folder settings work), merged over the project's config files.
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import type { AnalyzeOptions, SeveritySetting } from '../engine/index.js';
import type { DocumentSettings } from './analysis.js';
import { localeFrom } from './locale.js';

/** The `gongwen.*` settings as the client sends them. */
export interface ClientSettings {
  enable: boolean;
  schema: string;
  rules: Record<string, SeveritySetting>;
  locale: 'auto' | 'zh-CN' | 'en';
  requireConfig: boolean;
}

export const DEFAULT_SETTINGS: ClientSettings = { enable: true, schema: '', rules: {}, locale: 'auto', requireConfig: false };

export class SettingsStore {
  private readonly cache = new Map<string, Promise<ClientSettings>>();
  private initOptions: Partial<ClientSettings> = {};

  constructor(
    private readonly connection: Connection,
    private readonly canAsk: () => boolean,
  ) {}

  setInitializationOptions(options: unknown): void {
    if (options && typeof options === 'object') this.initOptions = options as Partial<ClientSettings>;
  }

  private clientSettings(uri: string): Promise<ClientSettings> {
    let p = this.cache.get(uri);
    if (!p) {
      p = this.canAsk()
        ? this.connection.workspace
            .getConfiguration({ scopeUri: uri, section: 'gongwen' })
            .then((s: Partial<ClientSettings> | null) => ({ ...DEFAULT_SETTINGS, ...this.initOptions, ...(s ?? {}) }))
            .catch(() => ({ ...DEFAULT_SETTINGS, ...this.initOptions }))
        : Promise.resolve({ ...DEFAULT_SETTINGS, ...this.initOptions });
      this.cache.set(uri, p);
    }
    return p;
  }

  async documentSettings(uri: string, _text: string, clientLocale: string | undefined): Promise<DocumentSettings> {
    const s = await this.clientSettings(uri);
    const options: AnalyzeOptions = { rules: { ...s.rules } };
    return {
      enable: s.enable !== false,
      locale: localeFrom(s.locale, clientLocale),
      options,
      applies: !s.requireConfig,
    };
  }

  /** Config or schema files changed on disk. */
  filesChanged(_uris: string[]): void {
    this.cache.clear();
  }

  clear(): void {
    this.cache.clear();
  }

  isConfigLike(uri: string): boolean {
    if (!uri.startsWith('file:')) return false;
    const path = fileURLToPath(uri);
    return /(^|[\\/])(\.gongwenrc(\.(ya?ml|json))?|package\.json)$/.test(path) || /\.(ya?ml|json)$/.test(path);
  }
}

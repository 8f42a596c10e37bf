// Settings per resource (workspace/configuration, so multi-root workspaces and
// folder settings work), merged over the project's config files by the same
// config resolver the CLI uses.
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import { createConfigResolver, isConfigFileName, type ConfigResolution, type ConfigResolver, type GongwenConfig, type RuleSetting } from '../config/index.js';
import type { DocumentSettings } from './analysis.js';
import { localeFrom } from './locale.js';

/** The `gongwen.*` settings as the client sends them. */
export interface ClientSettings {
  enable: boolean;
  schema: string;
  rules: Record<string, RuleSetting>;
  locale: 'auto' | 'zh-CN' | 'en';
  requireConfig: boolean;
}

export const DEFAULT_SETTINGS: ClientSettings = { enable: true, schema: '', rules: {}, locale: 'auto', requireConfig: false };

export class SettingsStore {
  private readonly cache = new Map<string, Promise<ClientSettings>>();
  /** One resolver per distinct editor settings (folders of a multi-root workspace may differ). */
  private readonly resolvers = new Map<string, ConfigResolver>();
  private initOptions: Partial<ClientSettings> = {};
  /** Every config and schema file a resolution depended on, for watching. */
  readonly dependencies = new Set<string>();

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
      const defaults = { ...DEFAULT_SETTINGS, ...this.initOptions };
      p = this.canAsk()
        ? this.connection.workspace
            .getConfiguration({ scopeUri: uri, section: 'gongwen' })
            .then((s: Partial<ClientSettings> | null) => ({ ...defaults, ...(s ?? {}) }))
            .catch(() => defaults)
        : Promise.resolve(defaults);
      this.cache.set(uri, p);
    }
    return p;
  }

  private resolverFor(s: ClientSettings): ConfigResolver {
    const settings: Partial<GongwenConfig> = {};
    if (s.schema) settings.schema = s.schema;
    if (s.rules && Object.keys(s.rules).length) settings.rules = { ...s.rules };
    const key = JSON.stringify(settings);
    let r = this.resolvers.get(key);
    if (!r) {
      r = createConfigResolver({ settings });
      this.resolvers.set(key, r);
    }
    return r;
  }

  async resolution(uri: string, text: string): Promise<ConfigResolution | undefined> {
    if (!uri.startsWith('file:')) return undefined;
    const s = await this.clientSettings(uri);
    try {
      const res = await this.resolverFor(s).resolve(fileURLToPath(uri), text);
      for (const f of res.files ?? []) this.dependencies.add(f);
      if (res.configFile) this.dependencies.add(res.configFile);
      return res;
    } catch (err) {
      this.connection.console.error(`gongwen: configuration for ${uri} failed: ${String(err)}`);
      return undefined;
    }
  }

  async documentSettings(uri: string, text: string, clientLocale: string | undefined): Promise<DocumentSettings> {
    const s = await this.clientSettings(uri);
    const res = await this.resolution(uri, text);
    const options = res?.options ?? { rules: { ...s.rules } };
    if (res?.errors.length) {
      for (const e of res.errors) this.connection.console.warn(`gongwen: ${e.file}:${e.line}:${e.column} ${e.code} ${e.message.en}`);
    }
    return {
      enable: s.enable !== false,
      locale: localeFrom(s.locale !== 'auto' ? s.locale : res?.config.locale, clientLocale),
      options,
      applies: !s.requireConfig || !!res?.configFile,
      resolution: res,
    };
  }

  /** Config or schema files changed on disk. */
  filesChanged(uris: string[]): void {
    for (const uri of uris) {
      if (!uri.startsWith('file:')) continue;
      const path = fileURLToPath(uri);
      for (const r of this.resolvers.values()) r.invalidate(path);
    }
    this.cache.clear();
  }

  clear(): void {
    this.cache.clear();
    this.resolvers.clear();
  }

  /** A config file by its name, or a file some resolution depends on (a schema), or any YAML/JSON that may be one. */
  isConfigLike(uri: string): boolean {
    if (!uri.startsWith('file:')) return false;
    const path = fileURLToPath(uri);
    return isConfigFileName(path) || this.dependencies.has(path) || /\.(ya?ml|json)$/.test(path);
  }
}

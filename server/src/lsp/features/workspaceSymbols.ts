// workspace/symbol over every Markdown draft in the workspace folders: items and
// headings, matched by the query's characters in order (search 核酸, land on 三要).
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver/node';
import { analyze, flattenEnumerations, type AnalyzeOptions } from '../../engine/index.js';
import { toRange } from '../convert.js';
import { itemName } from './symbols.js';

const MAX_FILES = 5000;
const SKIP_DIRS = new Set(['node_modules', '.git', 'out', 'dist', '.vscode-test']);

interface Entry {
  mtimeMs: number;
  symbols: WorkspaceSymbol[];
}

export class WorkspaceSymbolIndex {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly optionsFor: (path: string) => AnalyzeOptions = () => ({})) {}

  private async files(root: string): Promise<string[]> {
    const out: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      if (out.length >= MAX_FILES) return;
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const ent of entries) {
        if (out.length >= MAX_FILES) return;
        if (ent.isDirectory()) {
          if (!SKIP_DIRS.has(ent.name) && !ent.name.startsWith('.')) await walk(join(dir, ent.name));
        } else if (ent.isFile() && /\.(md|markdown)$/i.test(ent.name)) {
          out.push(join(dir, ent.name));
        }
      }
    };
    await walk(root);
    return out;
  }

  private async symbolsOf(path: string, openText?: string): Promise<WorkspaceSymbol[]> {
    let mtimeMs = -1;
    if (openText === undefined) {
      try {
        mtimeMs = (await stat(path)).mtimeMs;
      } catch {
        return [];
      }
      const cached = this.entries.get(path);
      if (cached && cached.mtimeMs === mtimeMs) return cached.symbols;
    }
    let text = openText;
    if (text === undefined) {
      try {
        text = await readFile(path, 'utf8');
      } catch {
        return [];
      }
    }
    const result = analyze(text, this.optionsFor(path));
    const uri = pathToFileURL(path).href;
    const symbols: WorkspaceSymbol[] = [];
    for (const h of result.headings) {
      if (!h.item) symbols.push({ name: h.text, kind: SymbolKind.Namespace, location: { uri, range: toRange(h.range) } });
    }
    for (const e of flattenEnumerations(result.enumerations)) {
      for (const item of e.items) {
        symbols.push({ name: itemName(item), kind: SymbolKind.EnumMember, containerName: e.id, location: { uri, range: toRange(item.range) } });
      }
    }
    if (openText === undefined) this.entries.set(path, { mtimeMs, symbols });
    return symbols;
  }

  async search(roots: string[], query: string, openDocs: Map<string, string>, isCancelled: () => boolean): Promise<WorkspaceSymbol[]> {
    const q = [...query.replace(/\s+/g, '')];
    const matches = (name: string) => {
      let i = 0;
      for (const ch of name) if (ch === q[i]) i++;
      return i === q.length;
    };
    const out: WorkspaceSymbol[] = [];
    const seen = new Set<string>();
    for (const root of roots) {
      for (const path of await this.files(root)) {
        if (isCancelled()) return out;
        seen.add(path);
        for (const s of await this.symbolsOf(path, openDocs.get(path))) if (matches(s.name)) out.push(s);
      }
    }
    for (const [path, text] of openDocs) {
      if (seen.has(path)) continue;
      for (const s of await this.symbolsOf(path, text)) if (matches(s.name)) out.push(s);
    }
    // Contiguous matches first (核酸 in 加强核酸检测), then shorter names.
    const joined = q.join('');
    out.sort((a, b) => Number(b.name.includes(joined)) - Number(a.name.includes(joined)) || a.name.length - b.name.length);
    return out.slice(0, 500);
  }

  forget(path?: string): void {
    if (path) this.entries.delete(path);
    else this.entries.clear();
  }
}

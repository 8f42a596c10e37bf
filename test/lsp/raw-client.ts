// A bare JSON-RPC client for fault tests: it frames every message itself, so a
// test can interleave raw bytes (malformed messages) with real ones, start the
// server with extra node flags, and see every response — results and errors.
import { spawn, type ChildProcess } from 'node:child_process';
import { SERVER_BIN } from './client.js';

export interface RpcError {
  code: number;
  message: string;
}

export interface Response {
  id: number | string | null;
  result?: unknown;
  error?: RpcError;
}

export interface Publication {
  uri: string;
  version?: number;
  diagnostics: Array<{ code?: string | number; severity?: number; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }>;
  /** Order of arrival. */
  seq: number;
}

export interface RawClientOptions {
  nodeArgs?: string[];
  env?: Record<string, string>;
  /** Answers workspace/configuration items (the client's settings). */
  settings?: () => unknown;
}

export class RawClient {
  readonly proc: ChildProcess;
  readonly published: Publication[] = [];
  readonly latest = new Map<string, Publication>();
  /** Responses to requests that were never sent by this client (a malformed message's error reply). */
  readonly strayResponses: Response[] = [];
  stderr = '';
  exited: { code: number | null; signal: string | null } | null = null;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (r: Response) => void>();
  private settings: () => unknown;

  constructor(options: RawClientOptions = {}) {
    this.settings = options.settings ?? (() => ({}));
    this.proc = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    this.proc.stdout!.on('data', (d: Buffer) => this.onData(d));
    this.proc.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.proc.on('exit', (code, signal) => (this.exited = { code, signal }));
    this.proc.stdin!.on('error', () => undefined); // a dead server: reported by `exited`
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  /** Writes bytes exactly as given (for malformed messages). */
  writeRaw(data: string | Buffer): void {
    this.proc.stdin!.write(data);
  }

  /** Frames and writes one message. */
  write(message: unknown): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.writeRaw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  notify(method: string, params?: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Sends a request; returns its id and the promise of its response (a result or an error, never a rejection). */
  request(method: string, params?: unknown): { id: number; response: Promise<Response> } {
    const id = this.nextId++;
    const response = new Promise<Response>((resolve) => this.pending.set(id, resolve));
    this.write({ jsonrpc: '2.0', id, method, params });
    return { id, response };
  }

  cancel(id: number): void {
    this.notify('$/cancelRequest', { id });
  }

  async initialize(rootUri: string | null, initializationOptions?: unknown): Promise<Response> {
    const r = await this.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'root' }] : null,
      locale: 'zh-cn',
      initializationOptions,
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, applyEdit: true, workspaceFolders: true },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
      },
    }).response;
    this.notify('initialized', {});
    return r;
  }

  async shutdown(): Promise<void> {
    if (!this.exited) {
      await Promise.race([this.request('shutdown').response, new Promise((r) => setTimeout(r, 5000).unref())]);
      this.notify('exit');
      await Promise.race([new Promise((r) => this.proc.once('exit', r)), new Promise((r) => setTimeout(r, 5000).unref())]);
    }
    if (!this.exited) this.proc.kill('SIGKILL');
  }

  private onData(d: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, d]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length: *(\d+)/i.exec(header);
      if (!m) throw new Error(`the server wrote a message without Content-Length: ${header}`);
      const length = Number(m[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body));
    }
  }

  private dispatch(msg: { id?: number | string | null; method?: string; params?: any; result?: unknown; error?: RpcError }): void {
    if (msg.method !== undefined && msg.id !== undefined) {
      // A request from the server.
      let result: unknown = null;
      if (msg.method === 'workspace/configuration') result = (msg.params?.items ?? []).map(() => this.settings());
      else if (msg.method === 'workspace/applyEdit') result = { applied: true };
      this.write({ jsonrpc: '2.0', id: msg.id, result });
      return;
    }
    if (msg.method !== undefined) {
      if (msg.method === 'textDocument/publishDiagnostics') {
        const p: Publication = { ...msg.params, seq: this.published.length };
        this.published.push(p);
        this.latest.set(p.uri, p);
      }
      return;
    }
    const resolve = typeof msg.id === 'number' ? this.pending.get(msg.id) : undefined;
    if (resolve) {
      this.pending.delete(msg.id as number);
      resolve(msg as Response);
    } else {
      this.strayResponses.push(msg as Response);
    }
  }
}

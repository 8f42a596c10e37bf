#!/usr/bin/env node
// The Gongwen language server. Usage: gongwen-language-server --stdio
await import('../out/lsp/main.js');

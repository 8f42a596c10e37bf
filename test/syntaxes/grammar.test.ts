// The TextMate grammar injected into Markdown scopes the markers of each level,
// tokenized here with the same engine VS Code uses (vscode-textmate + Oniguruma).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vsctm from 'vscode-textmate';
import oniguruma from 'vscode-oniguruma';

const require = createRequire(import.meta.url);
const root = new URL('../../../', import.meta.url);

async function loadGrammar() {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName !== 'markdown.gongwen.markers') return null;
      const text = readFileSync(new URL('syntaxes/gongwen-markers.tmLanguage.json', root), 'utf8');
      return vsctm.parseRawGrammar(text, 'gongwen-markers.tmLanguage.json');
    },
  });
  const grammar = await registry.loadGrammar('markdown.gongwen.markers');
  assert.ok(grammar);
  return grammar;
}

/** The text of each token whose scopes include a gongwen scope, with that scope. */
function markers(grammar: vsctm.IGrammar, line: string): string[] {
  const { tokens } = grammar.tokenizeLine(line, vsctm.INITIAL);
  return tokens
    .map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes.find((s) => s !== 'markdown.gongwen.markers' && s.includes('.gongwen.'))] as const)
    .filter(([, s]) => s)
    .map(([text, s]) => `${text}=${s!.split('.').pop()}`);
}

describe('the TextMate grammar for markers', () => {
  let grammar: vsctm.IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  const cases: Array<[string, string[]]> = [
    ['## 一、总体要求', ['一、=level-1']],
    ['（一）加强组织领导。', ['（一）=level-2']],
    ['1.各地要落实责任。', ['1.=level-3']],
    ['（1）甲；（2）乙。', ['（1）=level-4', '（2）=level-4']],
    ['会议强调：一要统一思想；二要加强领导。', ['一要=sequence', '二要=sequence']],
    ['首先，统一思想。其次，加强领导。', ['首先=sequence', '其次=sequence']],
    ['第一条　为了规范管理，制定本办法。', ['第一条=regulation']],
    ['思想统一是前提，进一步要求。', []],
    ['增长5.2%，第一时间报告。', []],
  ];
  for (const [line, want] of cases) {
    it(`scopes ${JSON.stringify(line)}`, () => {
      assert.deepEqual(markers(grammar, line), want);
    });
  }
});

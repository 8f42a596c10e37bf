// The JSON Schemas shipped in schemas/ (for editors) are written from the
// objects in server/src/schema/json-schema.ts; they must agree.
// GONGWEN_UPDATE=1 npx mocha rewrites the files from the objects.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONFIG_JSON_SCHEMA, MEASURES_JSON_SCHEMA } from 'gongwen-server/schema';

const root = fileURLToPath(new URL('../../../', import.meta.url));

const files: Array<[string, object]> = [
  ['schemas/gongwen-schema.json', MEASURES_JSON_SCHEMA],
  ['schemas/gongwenrc-schema.json', CONFIG_JSON_SCHEMA],
];

describe('the shipped JSON Schemas', () => {
  for (const [path, object] of files) {
    it(`${path} is the JSON of the schema object in server/src/schema/json-schema.ts`, () => {
      const want = JSON.stringify(object, null, 2) + '\n';
      if (process.env.GONGWEN_UPDATE) writeFileSync(root + path, want);
      assert.equal(readFileSync(root + path, 'utf8'), want, `run GONGWEN_UPDATE=1 npx mocha to rewrite ${path}`);
    });
  }

  it('declares JSON Schema draft-07, which editors support', () => {
    for (const [, object] of files) assert.equal((object as { $schema: string }).$schema, 'http://json-schema.org/draft-07/schema#');
  });
});

// The JSON Schemas of Gongwen's data files: the required-measures schema and the
// project configuration. These objects are the source; schemas/gongwen-schema.json
// and schemas/gongwenrc-schema.json at the repository root are written from them
// (a test checks they agree; GONGWEN_UPDATE=1 rewrites them) and are what editors use.
// Invariant: plain data; no I/O.

const STYLE_PATTERN = '^(N\\S|第N|首先其次|N、|[（(]N[）)]|1[.．]|1、|[（(]1[）)]|①|第N章|第N节|第N条)$';
const ID_PATTERN = '^[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*$';

const terms = (what: string) => ({
  type: 'array',
  description: what,
  items: { type: 'string', minLength: 1, maxLength: 200 },
  uniqueItems: true,
});

const patterns = {
  type: 'array',
  description:
    '正则表达式（RE2 语法，线性时间；不支持回溯引用和环视），在条目的规范化文本上匹配，不区分大小写。Regular expressions in RE2 syntax (linear time; no backreferences or lookaround), matched case-insensitively on the item’s normalized text.',
  items: { type: 'string', minLength: 1, maxLength: 1000 },
  uniqueItems: true,
};

const requirement = {
  type: 'object',
  description: '子要求：在覆盖该措施的条目中检查。A sub-requirement, checked inside the item that covers the measure.',
  additionalProperties: false,
  required: ['id', 'title'],
  properties: {
    id: { $ref: '#/definitions/id' },
    title: { type: 'string', minLength: 1, description: '子要求名称。The sub-requirement’s name.' },
    description: { type: 'string' },
    any: terms('出现其中任一关键词即满足。Satisfied when the item mentions any of these.'),
    all: terms('条目必须包含全部这些关键词。The item must mention all of these.'),
    patterns,
    required: { type: 'boolean', default: true, description: '缺少时是否报告（默认 true）。Report when missing (default true).' },
  },
};

export const MEASURES_JSON_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/gongwen/gongwen/blob/main/schemas/gongwen-schema.json',
  title: 'Gongwen 必备措施清单 / required-measures schema',
  description:
    '一类公文必须包含的措施，供 Gongwen 检查稿件是否齐全。What a kind of directive must contain; Gongwen checks a draft’s items against it. See docs/schemas.md.',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    id: { $ref: '#/definitions/id', description: '清单的 id。The schema’s id.' },
    title: { type: 'string', minLength: 1, description: '清单名称。The schema’s title.' },
    description: { type: 'string' },
    extends: {
      description: '在另一份清单基础上扩展：清单名或相对路径。Build on other schemas: names or relative paths.',
      type: ['string', 'array'],
      minLength: 1,
      minItems: 1,
      items: { type: 'string', minLength: 1 },
    },
    'applies-to': {
      type: 'object',
      description:
        '检查稿件中的哪一组编号。默认：有预告数量（“十个方面”）的那组，否则最大的顶层编号组。Which enumeration of the draft to check. Default: the one bound to an announced count, else the largest top-level one.',
      additionalProperties: false,
      properties: {
        announced: { type: 'boolean', default: true, description: '优先选有预告数量的编号组。Prefer an enumeration bound to an announced count.' },
        heading: { type: 'string', minLength: 1, description: '只选标题（或上级条目）包含此文字的编号组。Only enumerations under a heading or item containing this text.' },
        style: {
          type: 'string',
          pattern: STYLE_PATTERN,
          description: '只选此编号风格：N要 N是 第N 首先其次 N、 （N） 1. 1、 （1） ① 第N章 第N节 第N条。Only enumerations of this marker style.',
        },
      },
    },
    order: { enum: ['free', 'strict'], default: 'free', description: 'strict：措施须按清单顺序出现。strict: measures must appear in this order.' },
    'min-items': { type: 'integer', minimum: 0, description: '编号组至少有几项。Fewest items allowed.' },
    'max-items': { type: 'integer', minimum: 1, description: '编号组至多有几项。Most items allowed.' },
    threshold: {
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 100,
      default: 0.5,
      description: '条目覆盖措施所需的最低得分（默认 0.5：标题中一个关键词即可）。Minimum score for an item to cover a measure (default 0.5: one keyword in the head).',
    },
    omit: {
      type: 'array',
      description: '去掉继承来的措施（按 id）。Drop inherited measures by id.',
      items: { $ref: '#/definitions/id' },
      uniqueItems: true,
    },
    measures: { type: 'array', items: { $ref: '#/definitions/measure' }, description: '必备措施。The required measures.' },
  },
  definitions: {
    id: { type: 'string', pattern: ID_PATTERN, maxLength: 100, description: '字母、数字、汉字，以及 - _ .。Letters, digits, CJK, and - _ .' },
    measure: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'title'],
      properties: {
        id: { $ref: '#/definitions/id' },
        title: { type: 'string', minLength: 1, description: '措施名称，报告缺项时显示。The measure’s name, shown when it is missing.' },
        description: { type: 'string' },
        any: terms('关键词：条目提到得越多、越靠前（标题），越可能覆盖此措施。Keywords: the more of them an item mentions, and the more prominently, the better it covers the measure.'),
        all: terms('覆盖此措施的条目必须包含全部这些关键词。The covering item must mention all of these.'),
        patterns,
        required: { type: 'boolean', default: true, description: '缺少时是否报错（默认 true）。Report when missing (default true).' },
        requirements: { type: 'array', items: requirement, description: '子要求。Sub-requirements.' },
      },
    },
  },
} as const;

const SEVERITY = { enum: ['off', 'info', 'warning', 'error'] };
const rules = {
  type: 'object',
  description: '规则级别：off、info、warning、error。Rule severities.',
  additionalProperties: SEVERITY,
  propertyNames: { pattern: '^[a-z][a-z0-9-]*$' },
};

export const CONFIG_JSON_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/gongwen/gongwen/blob/main/schemas/gongwenrc-schema.json',
  title: 'Gongwen 配置 / configuration (.gongwenrc.yaml)',
  description: 'See README.md (配置 / Configuration).',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    rules,
    ruleOptions: {
      type: 'object',
      description: '规则选项。Per-rule options.',
      additionalProperties: { type: 'object' },
      propertyNames: { pattern: '^[a-z][a-z0-9-]*$' },
    },
    suffixes: {
      type: 'array',
      description: '构成“一要”“一抓”式编号的后缀字（默认 要 是 抓）。One-character suffixes of N要-like markers.',
      items: { type: 'string', pattern: '^.$' },
      uniqueItems: true,
    },
    schema: { type: 'string', minLength: 1, description: '必备措施清单：名称或路径。The required-measures schema: a name or a path.' },
    schemaPath: {
      type: 'array',
      description: '查找清单名称的目录（相对于配置文件；默认 schemas、.gongwen/schemas）。Folders searched for schema names.',
      items: { type: 'string', minLength: 1 },
    },
    overrides: {
      type: 'array',
      description: '按文件匹配的设置。Settings for the files matching a glob.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files'],
        properties: {
          files: { type: ['string', 'array'], minLength: 1, minItems: 1, items: { type: 'string', minLength: 1 } },
          schema: { type: 'string', minLength: 1 },
          rules,
        },
      },
    },
    locale: { enum: ['zh-CN', 'en'], description: '消息语言。Message language.' },
  },
} as const;

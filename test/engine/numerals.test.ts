import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  CHINESE_NUMERAL_CHARS,
  FORMAL_NUMERAL_CHARS,
  formatArabicNumeral,
  formatChineseNumeral,
  formatCircledNumber,
  formatLike,
  isFormalNumeral,
  parseArabicNumeral,
  parseChineseNumeral,
  parseCircledNumber,
} from 'gongwen-server/engine/numerals';

const chineseN = fc.integer({ min: 1, max: 9999 });

describe('numerals', () => {
  describe('parseChineseNumeral', () => {
    const valid: Array<[string, number]> = [
      ['一', 1], ['九', 9], ['两', 2], ['兩', 2], ['十', 10], ['一十', 10], ['十一', 11],
      ['二十', 20], ['二十一', 21], ['一百', 100], ['一百零五', 105], ['一百〇五', 105],
      ['一百一十', 110], ['一百十', 110], ['一百一十一', 111], ['九百九十九', 999],
      ['一千', 1000], ['一千零一', 1001], ['一千零一十', 1010], ['一千零五十', 1050],
      ['一千一百', 1100], ['两百', 200], ['两千', 2000], ['两千两百', 2200],
      ['九千九百九十九', 9999],
      ['壹', 1], ['拾', 10], ['壹拾', 10], ['拾壹', 11], ['贰拾', 20], ['貳拾', 20],
      ['叁', 3], ['參', 3], ['陆', 6], ['陸', 6], ['壹佰零伍', 105], ['壹佰壹拾', 110],
      ['壹仟零壹拾', 1010], ['玖仟玖佰玖拾玖', 9999],
    ];
    for (const [s, n] of valid) {
      it(`parses ${s} as ${n}`, () => assert.equal(parseChineseNumeral(s), n));
    }

    const invalid = [
      '', '零', '〇', '十十', '零一', '一一', '百', '千', '两十', '十两', '一百两',
      '二〇二五', '一九', '一百零', '一百零零五', '一千零十', '一千零一百', '一百一', '一千一十',
      '一千一', '十百', '一百千', '百一', '一万', '壹百', '一佰', '拾一', '两拾', '〇壹', '一 二',
      '1', 'abc', '一a',
    ];
    for (const s of invalid) {
      it(`rejects ${JSON.stringify(s)}`, () => assert.equal(parseChineseNumeral(s), null));
    }

    it('never throws, and yields null or an integer in 1..9999 (arbitrary unicode)', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary' }), (s) => {
          const n = parseChineseNumeral(s);
          return n === null || (Number.isInteger(n) && n >= 1 && n <= 9999);
        }),
      );
    });

    it('accepts only strings whose value formats back to an equivalent numeral', () => {
      const unit = fc.constantFrom(...CHINESE_NUMERAL_CHARS);
      fc.assert(
        fc.property(fc.string({ unit, maxLength: 8 }), (s) => {
          const n = parseChineseNumeral(s);
          if (n === null) return true;
          return (
            Number.isInteger(n) &&
            n >= 1 &&
            n <= 9999 &&
            parseChineseNumeral(formatChineseNumeral(n, { formal: isFormalNumeral(s) })) === n
          );
        }),
        { numRuns: 2000 },
      );
    });
  });

  describe('formatChineseNumeral', () => {
    const normal: Array<[number, string]> = [
      [1, '一'], [2, '二'], [10, '十'], [11, '十一'], [20, '二十'], [21, '二十一'], [100, '一百'],
      [105, '一百零五'], [110, '一百一十'], [999, '九百九十九'], [1000, '一千'], [1001, '一千零一'],
      [1010, '一千零一十'], [1100, '一千一百'], [9999, '九千九百九十九'],
    ];
    for (const [n, s] of normal) {
      it(`formats ${n} as ${s}`, () => assert.equal(formatChineseNumeral(n), s));
    }
    const formal: Array<[number, string]> = [
      [1, '壹'], [10, '壹拾'], [11, '壹拾壹'], [20, '贰拾'], [105, '壹佰零伍'], [110, '壹佰壹拾'],
      [1010, '壹仟零壹拾'], [9999, '玖仟玖佰玖拾玖'],
    ];
    for (const [n, s] of formal) {
      it(`formats ${n} formally as ${s}`, () => assert.equal(formatChineseNumeral(n, { formal: true }), s));
    }
    for (const n of [0, -1, 10000, 1.5, NaN, Infinity]) {
      it(`returns '' for ${n}`, () => {
        assert.equal(formatChineseNumeral(n), '');
        assert.equal(formatChineseNumeral(n, { formal: true }), '');
      });
    }

    it('round-trips 1..9999 (normal)', () => {
      fc.assert(fc.property(chineseN, (n) => parseChineseNumeral(formatChineseNumeral(n)) === n));
    });
    it('round-trips 1..9999 (formal)', () => {
      fc.assert(
        fc.property(chineseN, (n) => {
          const s = formatChineseNumeral(n, { formal: true });
          return parseChineseNumeral(s) === n && isFormalNumeral(s);
        }),
      );
    });
    it('round-trips every value exhaustively', () => {
      for (let n = 1; n <= 9999; n++) {
        assert.equal(parseChineseNumeral(formatChineseNumeral(n)), n);
        assert.equal(parseChineseNumeral(formatChineseNumeral(n, { formal: true })), n);
      }
    });
  });

  describe('isFormalNumeral and character sets', () => {
    it('tells formal from normal numerals', () => {
      for (const s of ['壹', '壹拾', '拾', '貳', '參', '陸', '壹佰零伍']) assert.equal(isFormalNumeral(s), true, s);
      for (const s of ['一', '十', '零', '两', '一百零五', '', '1', '①']) assert.equal(isFormalNumeral(s), false, s);
    });
    it('CHINESE_NUMERAL_CHARS covers every formatted numeral', () => {
      for (const ch of '〇零一二三四五六七八九十百千两壹贰叁肆伍陆柒捌玖拾佰仟貳參陸') {
        assert.ok(CHINESE_NUMERAL_CHARS.includes(ch), ch);
      }
    });
    it('FORMAL_NUMERAL_CHARS holds formal characters only', () => {
      for (const ch of '零壹贰叁肆伍陆柒捌玖拾佰仟') assert.ok(FORMAL_NUMERAL_CHARS.includes(ch), ch);
      for (const ch of '〇一二十百千两') assert.ok(!FORMAL_NUMERAL_CHARS.includes(ch), ch);
    });
  });

  describe('circled numbers', () => {
    const table: Array<[string, number]> = [['①', 1], ['⑩', 10], ['⑳', 20], ['㉑', 21], ['㉟', 35], ['㊱', 36], ['㊿', 50]];
    for (const [ch, n] of table) {
      it(`${ch} ↔ ${n}`, () => {
        assert.equal(parseCircledNumber(ch), n);
        assert.equal(formatCircledNumber(n), ch);
      });
    }
    it('rejects other input', () => {
      for (const s of ['', '1', '一', '①②', '\u245f', '\u2474', '\u3250', '\u3260', '\u32b0', '\u32c0']) {
        assert.equal(parseCircledNumber(s), null, s);
      }
      for (const n of [0, 51, -1, 1.5, NaN]) assert.equal(formatCircledNumber(n), '', String(n));
    });
    it('round-trips 1..50', () => {
      fc.assert(fc.property(fc.integer({ min: 1, max: 50 }), (n) => parseCircledNumber(formatCircledNumber(n)) === n));
    });
  });

  describe('Arabic numerals', () => {
    it('parses ASCII and full-width digits', () => {
      assert.equal(parseArabicNumeral('12'), 12);
      assert.equal(parseArabicNumeral('１２'), 12);
      assert.equal(parseArabicNumeral('０'), 0);
      assert.equal(parseArabicNumeral('007'), 7);
    });
    it('rejects other input', () => {
      for (const s of ['', '1２', '-1', '1.5', ' 1', '1e3', '十', '12a', '1234567890123456']) {
        assert.equal(parseArabicNumeral(s), null, s);
      }
    });
    it('formats both widths', () => {
      assert.equal(formatArabicNumeral(12, false), '12');
      assert.equal(formatArabicNumeral(12, true), '１２');
      assert.equal(formatArabicNumeral(-1, false), '');
      assert.equal(formatArabicNumeral(1.5, true), '');
    });
    it('round-trips both widths', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1e12 }), fc.boolean(), (n, wide) =>
          parseArabicNumeral(formatArabicNumeral(n, wide)) === n,
        ),
      );
    });
  });

  describe('formatLike', () => {
    const table: Array<[number, string, string]> = [
      [3, '一', '三'], [12, '十', '十二'], [3, '壹', '叁'], [10, '贰', '壹拾'], [7, '1', '7'],
      [12, '３', '１２'], [4, '①', '④'], [2, '两', '二'], [51, '①', ''], [10000, '一', ''],
    ];
    for (const [n, orig, out] of table) {
      it(`writes ${n} like ${orig} as ${JSON.stringify(out)}`, () => assert.equal(formatLike(n, orig), out));
    }

    const kinds: Array<[string, fc.Arbitrary<number>, (s: string) => number | null, (n: number) => string]> = [
      ['Chinese normal', chineseN, parseChineseNumeral, (n) => formatChineseNumeral(n)],
      ['Chinese formal', chineseN, parseChineseNumeral, (n) => formatChineseNumeral(n, { formal: true })],
      ['ASCII digits', fc.nat(), parseArabicNumeral, (n) => formatArabicNumeral(n, false)],
      ['full-width digits', fc.nat(), parseArabicNumeral, (n) => formatArabicNumeral(n, true)],
      ['circled', fc.integer({ min: 1, max: 50 }), parseCircledNumber, formatCircledNumber],
    ];
    for (const [name, arb, parse, format] of kinds) {
      it(`keeps the ${name} form`, () => {
        fc.assert(
          fc.property(arb, arb, (n, m) => {
            const original = format(m);
            const out = formatLike(n, original);
            return parse(out) === n && out === format(n);
          }),
        );
      });
    }
  });
});

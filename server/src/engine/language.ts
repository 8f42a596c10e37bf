// Is this a Chinese document at all? An English README with a numbered list
// must get nothing from Gongwen: no enumerations, no findings, no noise.
// Invariant: pure.

const SAMPLE = 65536;

/** At least a few Han characters, and at least a fifth of the letters Han. */
export function isChineseText(text: string): boolean {
  let han = 0;
  let latin = 0;
  // HTML comments (<!-- gongwen-disable … -->) are configuration, not the document's language.
  const sample = text.length > SAMPLE || text.includes('<!--') ? text.slice(0, SAMPLE).replace(/<!--[\s\S]*?(?:-->|$)/g, '') : text;
  const end = sample.length;
  for (let i = 0; i < end; i++) {
    const c = sample.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) han++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  return han >= 2 && han * 5 >= han + latin;
}

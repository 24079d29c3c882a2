/**
 * The fast path of string-width for the characters threadlab draws.
 *
 * Ink measures every character of every line with string-width. string-width answers
 * printable ASCII at once, but loading it costs ~17 ms (V8 parses its Unicode-property and
 * `\p{RGI_Emoji}` regular expressions) and every other character goes through
 * Intl.Segmenter and those expressions: a tenth of the first frame, spent on `·`, `█` and a
 * spinner's braille dots. The CLI's bundle gives Ink string-width behind this fast path and
 * loads string-width itself only for a string the fast path does not answer
 * (scripts/build.mjs). For printable ASCII, the glyphs below and colour codes, every
 * character is its own grapheme and one column wide; `test/text-width.test.ts` checks that
 * against string-width itself.
 */

/** Glyphs of the theme, the model's text, Ink's borders and the spinners: one column each. */
export const NARROW_GLYPHS =
	'·…–—→←↑↓↖↗↘↙×µ≈≤▸•✔✖░█○' +
	// Box drawing (Ink's borders), block elements (bars: █ ░ and the eighths ▏…▉) and braille (the dots spinner), whole blocks.
	'\u2500-\u259F\u2800-\u28FF';

const narrowOnly = new RegExp(`^[\\u0020-\\u007E${NARROW_GLYPHS}]*$`);
/** Colours and styles (SGR): string-width strips them, and so does the fast path. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts every colour code.
const sgr = /\u001B\[[\d;]*m/g;

/** string-width's answer when the text is printable ASCII, our glyphs and colour codes; otherwise undefined. */
export function narrowWidth(text: string): number | undefined {
	const plain = text.includes('\u001B') ? text.replace(sgr, '') : text;
	return narrowOnly.test(plain) ? plain.length : undefined;
}

/**
 * The text's graphemes as Intl.Segmenter gives them, without ICU, when each UTF-16 unit is a
 * grapheme of its own (printable ASCII, our glyphs and colour codes); otherwise undefined.
 */
export function narrowGraphemes(text: string): Array<{segment: string; index: number}> | undefined {
	if (narrowWidth(text) === undefined) return undefined;
	const graphemes = new Array<{segment: string; index: number}>(text.length);
	for (let index = 0; index < text.length; index++) graphemes[index] = {segment: text[index]!, index};
	return graphemes;
}

/**
 * wrap-ansi's own copy of string-width (7.x, which Ink's text wrapping calls) counts these
 * arrows and marks as two columns where string-width 8 counts one: for that copy the fast
 * path leaves any text with one of them to the copy itself, so its answers never change.
 */
const wideIn7 = /[\u2196-\u2199\u2714\u2716]/;

/** string-width 7's answer, where the fast path knows it; otherwise undefined. */
export function narrowWidth7(text: string): number | undefined {
	return wideIn7.test(text) ? undefined : narrowWidth(text);
}

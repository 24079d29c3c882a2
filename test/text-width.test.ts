/**
 * The fast path Ink gets in the CLI bundle in place of string-width (source/text-width.ts):
 * for every string it answers, it must give string-width's own answer.
 */
import cliSpinners from 'cli-spinners';
import stringWidth from 'string-width';
// wrap-ansi's own, older copy: the CLI bundle puts the fast path in front of it too.
import stringWidth7 from '../node_modules/wrap-ansi/node_modules/string-width/index.js';
import {describe, expect, it} from 'vitest';
import {makeTheme} from '../source/ui/theme.js';
import {NARROW_GLYPHS, narrowWidth, narrowWidth7} from '../source/ui/text-width.js';

/** Every character the fast path answers for, ranges spelled out. */
const glyphs = [
	...NARROW_GLYPHS.replaceAll(/(.)-(.)/gu, (_, from: string, to: string) => {
		let out = '';
		for (let code = from.codePointAt(0)!; code <= to.codePointAt(0)!; code++) out += String.fromCodePoint(code);
		return out;
	}),
];
const ascii = Array.from({length: 0x7f - 0x20}, (_, index) => String.fromCharCode(0x20 + index));

describe('narrowWidth', () => {
	it('each glyph is one column and its own grapheme, as string-width and Intl.Segmenter say', () => {
		expect(glyphs.length).toBeGreaterThan(400);
		for (const glyph of glyphs) expect([glyph, stringWidth(glyph)]).toEqual([glyph, 1]);
		const all = glyphs.join('');
		expect([...new Intl.Segmenter().segment(all)].length).toBe(glyphs.length);
		expect(stringWidth(all)).toBe(glyphs.length);
	});

	it('agrees with string-width on random strings of ASCII, glyphs and colour codes', () => {
		const pieces = [...ascii, ...glyphs, '\u001B[1m', '\u001B[22m', '\u001B[38;5;208m', '\u001B[39m', '\u001B[0m'];
		let seed = 7;
		const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
		for (let n = 0; n < 2000; n++) {
			const text = Array.from({length: next() % 40}, () => pieces[next() % pieces.length]).join('');
			expect(narrowWidth(text)).toBe(stringWidth(text));
			const width7 = narrowWidth7(text);
			if (width7 !== undefined) expect(width7).toBe(stringWidth7(text));
		}
	});

	it("wrap-ansi's string-width 7: the fast path answers as it does, and leaves it the glyphs it counts as two", () => {
		const wide = glyphs.filter((glyph) => stringWidth7(glyph) !== 1);
		expect(wide).toEqual(['↖', '↗', '↘', '↙', '✔', '✖']);
		for (const glyph of glyphs) expect([glyph, narrowWidth7(glyph)]).toEqual([glyph, wide.includes(glyph) ? undefined : 1]);
		for (const ascii of [false, true]) {
			const {glyphs: theme} = makeTheme({ascii});
			for (const text of Object.values(theme).filter((value): value is string => typeof value === 'string')) {
				const width = narrowWidth7(text);
				if (width !== undefined) expect([text, width]).toEqual([text, stringWidth7(text)]);
			}
		}
	});

	it('covers what the theme draws: glyphs, spinners, text in both themes', () => {
		for (const ascii of [false, true]) {
			const {glyphs: theme} = makeTheme({ascii});
			const drawn = [...Object.values(theme).filter((value): value is string => typeof value === 'string'), ...theme.spinner];
			expect(drawn.length).toBeGreaterThan(12);
			// Answered by the fast path (not undefined), and the same as string-width.
			for (const text of drawn) expect([text, narrowWidth(text)]).toEqual([text, stringWidth(text)]);
		}
		for (const frames of [cliSpinners.dots.frames, cliSpinners.line.frames]) expect(narrowWidth(frames.join(''))).toBe(frames.length);
	});

	it('leaves everything else to string-width: wide, combining, emoji and control characters', () => {
		for (const text of ['漢字', 'e\u0301', '👍', '✔\uFE0F', 'a\tb', '\u001B]8;;https://x\u0007link\u001B]8;;\u0007', '\u00AD', '\u200B']) {
			expect(narrowWidth(text)).toBeUndefined();
		}
	});
});

/**
 * The parts of a styled line that changed: where each starts on screen and what to write
 * there, so that a bar's next eighth and a clock's next tenth are a few bytes, not the row.
 *
 * Lines are threadlab's own: printable ASCII, its glyphs and SGR colour codes, one column a
 * character (ui/text-width.ts). Anything else gives undefined, and the caller writes nothing.
 */
import {narrowWidth} from '../text-width.js';

/** A line on screen and its width. */
export interface Shown {
	line: string;
	width: number;
}

export interface Span {
	/** The screen column (from the line's start) where the write begins. */
	column: number;
	/** A reset, the colour codes in force there, and the new text (then spaces over what the old line showed beyond the new). */
	text: string;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts every colour code.
const SGR = /\u001B\[([\d;]*)m/g;
const RESET = '\u001B[0m';
/** Equal characters that end one span and start another: fewer, and one span is shorter to write. */
const GAP = 6;

/** `index` moved back to the start of the colour code it falls inside, if it does. */
function codeStart(line: string, index: number): number {
	const esc = line.lastIndexOf('\u001B', index - 1);
	return esc >= 0 && line.indexOf('m', esc) >= index ? esc : index;
}

/** `index` (an end, exclusive) moved past the colour code it falls inside, if it does. */
function codeEnd(line: string, index: number): number {
	const esc = line.lastIndexOf('\u001B', index - 1);
	if (esc < 0) return index;
	const m = line.indexOf('m', esc);
	return m >= index ? m + 1 : index;
}

/** The whole colour codes in `line` before `end`, one after another. */
function codesBefore(line: string, end: number): string {
	let codes = '';
	for (let esc = line.indexOf('\u001B'); esc >= 0 && esc < end; esc = line.indexOf('\u001B', esc + 1)) {
		const m = line.indexOf('m', esc);
		if (m < 0 || m >= end) break;
		codes += line.slice(esc, m + 1);
	}
	return codes;
}

/** stylesAfter's answers by the codes before: a row's spans start after the same few codes frame after frame. */
const known = new Map<string, string | undefined>();

/** The styles in force after `prefix`, as one code after a reset; undefined for a code it does not know. */
export function stylesAfter(prefix: string): string | undefined {
	return stylesOf(codesBefore(prefix, prefix.length));
}

function stylesOf(codes: string): string | undefined {
	if (known.has(codes)) return known.get(codes);
	if (known.size >= 256) known.clear();
	const styles = parseStyles(codes);
	known.set(codes, styles);
	return styles;
}

/** Where `index` of `line` is on screen (its characters before, without colour codes), and the styles in force there. */
function at(line: string, index: number): {column: number; styles: string | undefined} {
	const codes = codesBefore(line, index);
	return {column: index - codes.length, styles: stylesOf(codes)};
}

function parseStyles(prefix: string): string | undefined {
	let fg = '';
	let bg = '';
	const on = new Set<number>();
	for (const [, params = ''] of prefix.matchAll(SGR)) {
		const p = params.split(';');
		for (let i = 0; i < p.length; i++) {
			const n = Number(p[i] || 0);
			if (n === 38 || n === 48) {
				const length = p[i + 1] === '5' ? 3 : 5;
				const code = p.slice(i, i + length).join(';');
				if (n === 38) fg = code;
				else bg = code;
				i += length - 1;
			} else if (n === 0) {
				fg = '';
				bg = '';
				on.clear();
			} else if ((n >= 30 && n <= 37) || (n >= 90 && n <= 97)) fg = String(n);
			else if ((n >= 40 && n <= 47) || (n >= 100 && n <= 107)) bg = String(n);
			else if (n === 39) fg = '';
			else if (n === 49) bg = '';
			else if ([1, 2, 3, 4, 7, 9].includes(n)) on.add(n);
			else if (n === 22) for (const off of [1, 2]) on.delete(off);
			else if ([23, 24, 27, 29].includes(n)) on.delete(n - 20);
			else return undefined;
		}
	}
	const codes = [...on, fg, bg].filter((code) => code !== '');
	return RESET + (codes.length > 0 ? `\u001B[${codes.join(';')}m` : '');
}

/** Runs of differing characters in two strings of one length, `GAP` or more equal ones apart. */
function runs(a: string, b: string): Array<[number, number]> {
	const found: Array<[number, number]> = [];
	for (let i = 0; i < a.length; i++) {
		if (a[i] === b[i]) continue;
		const last = found.at(-1);
		if (last && i - last[1] < GAP) last[1] = i + 1;
		else found.push([i, i + 1]);
	}
	return found;
}

/**
 * What to write to turn `before` into `after` on screen: no spans when they are the same.
 * Where the changed part keeps its width, each run of changed characters is its own span;
 * otherwise the rest of the line is written, and spaces over what `before` showed beyond it.
 */
export function changedSpans(before: Shown, after: string): {spans: Span[]; width: number} | undefined {
	const old = before.line;
	if (old === after) return {spans: [], width: before.width};
	const shortest = Math.min(old.length, after.length);
	let start = 0;
	while (start < shortest && old[start] === after[start]) start++;
	start = codeStart(after, start);
	let endOld = old.length;
	let endNew = after.length;
	while (endOld > start && endNew > start && old[endOld - 1] === after[endNew - 1]) {
		endOld--;
		endNew--;
	}
	const grown = codeEnd(after, endNew) - endNew;
	endOld += grown;
	endNew += grown;
	// The rest of both lines is `before`'s, whose width is known: only the changed middle is measured.
	const middle = after.slice(start, endNew);
	const middleWidth = narrowWidth(middle);
	const oldMiddleWidth = narrowWidth(old.slice(start, endOld));
	if (middleWidth === undefined || oldMiddleWidth === undefined) return undefined;
	const width = before.width - oldMiddleWidth + middleWidth;
	const spans: Span[] = [];
	if (middleWidth === oldMiddleWidth && endOld - start === middle.length) {
		for (const [from, to] of runs(old.slice(start, endOld), middle)) {
			const a = codeStart(after, start + from);
			const b = codeEnd(after, start + to);
			const {column, styles} = at(after, a);
			if (styles === undefined) return undefined;
			// A changed colour code (in either line) changes the text after it too: write on to the line's end.
			const coded = after.slice(a, b).includes('\u001B') || old.slice(a, b).includes('\u001B');
			const text = coded ? after.slice(a) : after.slice(a, b);
			spans.push({column, text: styles + text});
			if (text.length > b - a) break;
		}
		return {spans, width};
	}
	const {column, styles} = at(after, start);
	if (styles === undefined) return undefined;
	const pad = Math.max(0, before.width - width);
	spans.push({column, text: `${styles}${after.slice(start)}${pad > 0 ? RESET + ' '.repeat(pad) : ''}`});
	return {spans, width};
}

/**
 * The part of a styled line that changed: where it starts on screen and what to write there,
 * so that a bar's next eighth is a few bytes instead of the whole row.
 *
 * Lines are threadlab's own (printable ASCII, its glyphs and SGR colour codes, one column a
 * character: ui/text-width.ts); anything else gives undefined and the caller writes no span.
 */
import {narrowWidth} from '../text-width.js';

export interface Span {
	/** The screen column (from the line's start) where the write begins. */
	column: number;
	/** The colour codes in force there, the changed text, and spaces over what the old line had beyond the new. */
	text: string;
	/** The new line's width. */
	width: number;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts every colour code.
const SGR = /\u001B\[[\d;]*m/g;
const RESET = '\u001B[0m';

/** Moves `index` back to the start of the colour code it falls inside, if it does. */
function codeStart(line: string, index: number): number {
	const esc = line.lastIndexOf('\u001B', index - 1);
	return esc >= 0 && line.indexOf('m', esc) >= index ? esc : index;
}

/** Moves `index` (an end, exclusive) past the colour code it falls inside, if it does. */
function codeEnd(line: string, index: number): number {
	const esc = line.lastIndexOf('\u001B', index - 1);
	if (esc < 0) return index;
	const m = line.indexOf('m', esc);
	return m >= index ? m + 1 : index;
}

/**
 * What to write to turn `before` into `after` on screen; null when they are the same.
 * The changed part is written in the colours in force there; when it takes a different
 * width than it did, the rest of the line is written too, and spaces over what `before`
 * showed beyond it.
 */
export function changedSpan(before: string, after: string): Span | null | undefined {
	if (before === after) return null;
	const width = narrowWidth(after);
	if (width === undefined) return undefined;
	const shortest = Math.min(before.length, after.length);
	let start = 0;
	while (start < shortest && before[start] === after[start]) start++;
	start = codeStart(after, start);
	let endBefore = before.length;
	let endAfter = after.length;
	while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
		endBefore--;
		endAfter--;
	}
	const grown = codeEnd(after, endAfter) - endAfter;
	endAfter += grown;
	endBefore += grown;
	const prefix = after.slice(0, start);
	// `after` is all one-column characters (narrowWidth): its parts' widths are their lengths without colour codes.
	const visible = (text: string) => (text.includes('\u001B') ? text.replace(SGR, '').length : text.length);
	const column = visible(prefix);
	const codes = prefix.includes('\u001B') ? prefix.match(SGR)!.join('') : '';
	const middle = after.slice(start, endAfter);
	if (narrowWidth(before.slice(start, endBefore)) === visible(middle)) return {column, text: `${codes}${middle}`, width};
	const oldWidth = narrowWidth(before);
	if (oldWidth === undefined) return undefined;
	const pad = Math.max(0, oldWidth - width);
	return {column, text: `${codes}${after.slice(start)}${pad > 0 ? RESET + ' '.repeat(pad) : ''}`, width};
}

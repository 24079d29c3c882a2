/** changedSpans: the few cells of a styled row that moved, each with the colours in force where it starts. */
import {describe, expect, it} from 'vitest';
import {changedSpans, stylesAfter} from '../../source/ui/live/span.js';

const yellow = (text: string) => `\u001B[33m${text}\u001B[39m`;
const gray = (text: string) => `\u001B[90m${text}\u001B[39m`;
const row = (bar: string, time: string) => `  thread_0 ${yellow(`z sleeping ${bar} `)}${gray(time)}`;
const shown = (line: string) => ({line, width: line.replace(/\u001B\[[\d;]*m/g, '').length});
const RESET = '\u001B[0m';

describe('changedSpans', () => {
	it('the same line: nothing to write', () => {
		const line = row('██▍░░░░░░░░░', '1.0 / 2 s');
		expect(changedSpans(shown(line), line)).toEqual({spans: [], width: 44});
	});

	it('a bar’s next eighth and a new tenth: one span each, in the colour in force there', () => {
		const changed = changedSpans(shown(row('██▍░░░░░░░░░', '1.0 / 2 s')), row('██▌░░░░░░░░░', '1.1 / 2 s'));
		// "  thread_0 " (11) + "z sleeping " (11) + two full blocks: the partial block is column 24.
		expect(changed).toEqual({
			spans: [
				{column: 24, text: `${RESET}\u001B[33m▌`},
				{column: 37, text: `${RESET}\u001B[90m1`},
			],
			width: 44,
		});
	});

	it('changes a few characters apart are one span', () => {
		expect(changedSpans(shown('  main 1.23 s'), '  main 1.45 s')?.spans).toEqual([{column: 9, text: `${RESET}45`}]);
	});

	it('a changed colour code: the text after it is written too', () => {
		const before = `  a ${yellow('xyz')} b`;
		const after = `  a \u001B[31mxyz\u001B[39m b`;
		expect(changedSpans(shown(before), after)?.spans).toEqual([{column: 4, text: `${RESET}\u001B[31mxyz\u001B[39m b`}]);
	});

	it('a shorter line: the rest of it, then spaces over what the old one showed', () => {
		expect(changedSpans(shown('  main 10.0 s'), '  main 9.9 s')).toEqual({
			spans: [{column: 7, text: `${RESET}9.9 s${RESET} `}],
			width: 12,
		});
	});

	it('characters the fast path cannot measure: undefined (the caller renders)', () => {
		expect(changedSpans(shown('  thread_0'), '  線程_0')).toBeUndefined();
	});
});

describe('stylesAfter', () => {
	it('what chalk left open: colours, bold, closed ones gone', () => {
		expect(stylesAfter('\u001B[1m\u001B[95mmain\u001B[39m\u001B[22m x')).toBe(RESET);
		expect(stylesAfter('\u001B[1m\u001B[95mma')).toBe(`${RESET}\u001B[1;95m`);
		expect(stylesAfter('\u001B[38;2;255;0;0m#\u001B[1m')).toBe(`${RESET}\u001B[1;38;2;255;0;0m`);
		expect(stylesAfter('\u001B[7mx\u001B[27m\u001B[4m')).toBe(`${RESET}\u001B[4m`);
	});

	it('a code it does not know: undefined', () => {
		expect(stylesAfter('\u001B[5mblink')).toBeUndefined();
	});
});

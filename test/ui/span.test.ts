/** changedSpan: the few cells of a styled row that moved, with the colours in force where they start. */
import {describe, expect, it} from 'vitest';
import {changedSpan} from '../../source/ui/live/span.js';

const yellow = (text: string) => `\u001B[33m${text}\u001B[39m`;
const gray = (text: string) => `\u001B[90m${text}\u001B[39m`;
const row = (bar: string, time: string) => `  thread_0 ${yellow(`z sleeping ${bar} `)}${gray(time)}`;

describe('changedSpan', () => {
	it('the same line: nothing to write', () => {
		expect(changedSpan(row('██▍░░', '1.0 / 2 s'), row('██▍░░', '1.0 / 2 s'))).toBeNull();
	});

	it('a bar’s next eighth and a new time: from the first changed cell to the last, in the colour in force there', () => {
		const span = changedSpan(row('██▍░░', '1.0 / 2 s'), row('██▌░░', '1.1 / 2 s'));
		// Column of the partial block: "  thread_0 " (11) + "z sleeping " (11) + two full blocks.
		expect(span).toEqual({column: 24, text: `\u001B[33m▌░░ \u001B[39m\u001B[90m1.1`, width: 37});
	});

	it('a change of colour starts at the colour code, not inside it', () => {
		const before = `  a ${yellow('x')}`;
		const after = `  a \u001B[31mx\u001B[39m`;
		expect(changedSpan(before, after)).toEqual({column: 4, text: '\u001B[31m', width: 5});
	});

	it('a shorter line: the rest of it, then spaces over what the old one showed', () => {
		expect(changedSpan('  main 10.0 s', '  main 9.9 s')).toEqual({column: 7, text: '9.9 s\u001B[0m ', width: 12});
	});

	it('characters the fast path cannot measure: no span (the caller renders)', () => {
		expect(changedSpan('  thread_0', '  線程_0')).toBeUndefined();
	});
});

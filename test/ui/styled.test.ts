/** styled(): the bytes of Ink's <Text color bold> for one piece of a line, as one string. */
import chalk from 'chalk';
import {afterEach, describe, expect, it} from 'vitest';
import {chalkStyled, styled} from '../../source/ui/styled.js';

const level = chalk.level;
afterEach(() => {
	chalk.level = level;
});

describe('styled', () => {
	it('colour inside bold, as Ink applies a Text’s styles', () => {
		chalk.level = 3;
		expect(styled('main', {bold: true, color: 'magentaBright'})).toBe('\u001B[1m\u001B[95mmain\u001B[39m\u001B[22m');
		expect(styled('z sleeping', {color: 'yellow'})).toBe('\u001B[33mz sleeping\u001B[39m');
		expect(styled('0.1 s', {color: 'gray'})).toBe('\u001B[90m0.1 s\u001B[39m');
		expect(styled('#', {color: '#ff0000'})).toBe('\u001B[38;2;255;0;0m#\u001B[39m');
	});

	it('no colour (--no-color gives undefined), no style, nothing to style: the text as it is', () => {
		chalk.level = 3;
		expect(styled('thread_0', {color: undefined})).toBe('thread_0');
		expect(styled('thread_0', {})).toBe('thread_0');
		expect(styled('', {color: 'red', bold: true})).toBe('');
		chalk.level = 0;
		expect(styled('main', {bold: true, color: 'magentaBright'})).toBe('main');
	});

	it('the same bytes as chalk for every colour the themes use, at every level, and for text with codes or line breaks', () => {
		const colors = [undefined, 'red', 'yellow', 'gray', 'greenBright', 'magentaBright', '#ff8800'];
		const texts = ['⠙ running · 0.3 s', '████▍░░░ ', 'a\nb', 'in \u001B[31mred\u001B[39m here'];
		for (const value of [0, 1, 2, 3] as const) {
			chalk.level = value;
			for (const color of colors)
				for (const bold of [false, true])
					for (const text of texts) expect(styled(text, {color, bold})).toBe(chalkStyled(text, {color, bold}));
		}
	});
});

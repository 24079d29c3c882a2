import {describe, expect, it} from 'vitest';
import {ProgressBar, bar, barProgress} from '../../source/ui/components/ProgressBar.js';
import {stateIcon} from '../../source/ui/components/StateIcon.js';
import {ThreadRow, type ThreadRowProps} from '../../source/ui/components/ThreadRow.js';
import {ascii, draw, plain} from '../helpers/draw.js';

const cells = (text: string, glyphs: string) => [...text].filter((c) => glyphs.includes(c)).length;

describe('bar()', () => {
	it('fills round(progress × width) of width cells', () => {
		expect(bar(0.5, 10, '#', '.')).toBe('#####.....');
		expect(bar(0, 4, '#', '.')).toBe('....');
		expect(bar(1, 4, '#', '.')).toBe('####');
		expect(bar(1 / 3, 9, '#', '.')).toBe('###......');
		expect(bar(0.26, 10, '█', '░')).toBe('███░░░░░░░');
	});

	it('clamps progress and width', () => {
		expect(bar(1.5, 4, '#', '.')).toBe('####');
		expect(bar(-1, 4, '#', '.')).toBe('....');
		expect(bar(0.5, 0, '#', '.')).toBe('');
		expect(bar(0.5, -3, '#', '.')).toBe('');
	});

	it.each([1, 7, 20, 63])('always %i cells', (width) => {
		for (const progress of [0, 0.01, 0.33, 0.5, 0.99, 1]) {
			const text = bar(progress, width, '█', '░');
			expect([...text]).toHaveLength(width);
			expect(cells(text, '█')).toBe(Math.round(progress * width));
		}
	});
});

describe('bar() with eighth blocks', () => {
	const E = ['▏', '▎', '▍', '▌', '▋', '▊', '▉'];
	it('ends in the partial glyph of the nearest eighth, always width cells', () => {
		// 10 cells = 80 eighths: 0.26 → 20.8 → 21 eighths = 2 cells + 5/8.
		expect(bar(0.26, 10, '█', '░', E)).toBe('██▋░░░░░░░');
		expect(bar(0.25, 10, '█', '░', E)).toBe('██▌░░░░░░░');
		expect(bar(1 / 80, 10, '█', '░', E)).toBe('▏░░░░░░░░░');
		expect(bar(7 / 80, 10, '█', '░', E)).toBe('▉░░░░░░░░░');
		expect(bar(8 / 80, 10, '█', '░', E)).toBe('█░░░░░░░░░');
		// Below half an eighth: empty; 79.6 eighths round to a full bar.
		expect(bar(0.4 / 80, 10, '█', '░', E)).toBe('░░░░░░░░░░');
		expect(bar(79.6 / 80, 10, '█', '░', E)).toBe('██████████');
		expect(bar(1, 3, '█', '░', E)).toBe('███');
		expect(bar(0.5, 0, '█', '░', E)).toBe('');
	});

	it('moves one eighth per 1/(8 × width) of progress: every step a different bar, never a jump', () => {
		const seen = new Set<string>();
		for (let step = 0; step <= 40; step++) {
			const text = bar(step / 40, 5, '█', '░', E);
			expect([...text]).toHaveLength(5);
			seen.add(text);
		}
		expect(seen.size).toBe(41);
	});

	it('without partial glyphs (ASCII), whole cells as before', () => {
		expect(bar(0.26, 10, '#', '.', [])).toBe('###.......');
		expect(bar(0.26, 10, '#', '.')).toBe('###.......');
	});

	it('barProgress rounds to the steps the bar shows', () => {
		expect(barProgress(0.26, 10, E)).toBe(21 / 80);
		expect(barProgress(0.26, 10, [])).toBe(0.3);
		expect(barProgress(0.5, 0, E)).toBe(0);
		expect(barProgress(2, 4, E)).toBe(1);
	});
});

describe('ProgressBar', () => {
	it('draws with the theme glyphs', () => {
		expect(draw(<ProgressBar progress={0.25} width={8} />)).toEqual(['██░░░░░░']);
		expect(draw(<ProgressBar progress={0.3} width={8} />)).toEqual(['██▍░░░░░']);
		expect(draw(<ProgressBar progress={0.3} width={8} />, ascii)).toEqual(['##......']);
		expect(draw(<ProgressBar progress={0.25} width={8} />, ascii)).toEqual(['##......']);
		expect(draw(<ProgressBar progress={1} width={3} />, ascii)).toEqual(['###']);
	});
});

describe('stateIcon', () => {
	it('a spinner frame while doing something, a still mark while sleeping, blocked or settled', () => {
		expect(stateIcon('running', 0, plain)).toBe('⠋');
		expect(stateIcon('holding', plain.glyphs.spinnerInterval, plain)).toBe('⠙');
		expect(stateIcon('running', ascii.glyphs.spinnerInterval, ascii)).toBe('\\');
		expect(stateIcon('sleeping', 0, plain)).toBe('z');
		expect(stateIcon('sleeping', plain.glyphs.spinnerInterval, plain)).toBe('z');
		expect(stateIcon('joining', 0, plain)).toBe('○');
		expect(stateIcon('waiting', 123, ascii)).toBe('~');
		expect(stateIcon('done', 123, plain)).toBe('✔');
		expect(stateIcon('awake', 0, ascii)).toBe('+');
		expect(stateIcon('failed', 0, plain)).toBe('✖');
		expect(stateIcon('new', 0, plain)).toBe('·');
		expect(stateIcon('new', 0, ascii)).toBe('.');
	});
});

describe('ThreadRow', () => {
	const row: ThreadRowProps = {
		name: 'thread_0',
		nameWidth: 8,
		state: 'sleeping',
		icon: '⠋',
		progress: 0.5,
		barWidth: 10,
		time: '1.0 / 2 s',
		timeWidth: 9,
	};

	it('name, icon and state, bar, time on one line', () => {
		expect(draw(<ThreadRow {...row} />)).toEqual(['  thread_0 ⠋ sleeping █████░░░░░ 1.0 / 2 s']);
	});

	it('pads the name and state columns and right-aligns the time', () => {
		const [line] = draw(<ThreadRow {...row} name="main" state="done" icon="✔" progress={1} time="2.0 s" main />);
		expect(line).toBe('  main     ✔ done     ██████████     2.0 s');
		expect(line!.indexOf('done')).toBe(draw(<ThreadRow {...row} />)[0]!.indexOf('sleeping'));
	});

	it('ASCII glyphs', () => {
		expect(draw(<ThreadRow {...row} icon="-" progress={0.3} />, ascii)).toEqual(['  thread_0 - sleeping ###....... 1.0 / 2 s']);
	});

	it('truncates a long name to its column', () => {
		expect(draw(<ThreadRow {...row} name="thread_with_a_long_name" />)[0]).toBe('  thread_… ⠋ sleeping █████░░░░░ 1.0 / 2 s');
		expect(draw(<ThreadRow {...row} name="thread_with_a_long_name" />, ascii)[0]).toMatch(/^ {2}threa\.\.\. /);
	});

	it('shows a failure note instead of the bar, cut to the bar width', () => {
		expect(draw(<ThreadRow {...row} state="failed" icon="✖" note="boom" />)).toEqual(['  thread_0 ✖ failed   boom       1.0 / 2 s']);
		expect(draw(<ThreadRow {...row} state="failed" icon="✖" note="worker exited with code 1" />)[0]).toContain(' worker ex… 1.0 / 2 s');
	});

	it('without room for a bar: no bar', () => {
		expect(draw(<ThreadRow {...row} barWidth={0} />)).toEqual(['  thread_0 ⠋ sleeping 1.0 / 2 s']);
	});
});

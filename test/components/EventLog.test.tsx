import {describe, expect, it} from 'vitest';
import {EventLog, PrintedLog, sameLog} from '../../source/ui/components/EventLog.js';
import {Footer} from '../../source/ui/components/Footer.js';
import {Header} from '../../source/ui/components/Header.js';
import {Help} from '../../source/ui/components/Help.js';
import type {LogLine} from '../../source/model/snapshot.js';
import {ascii, draw} from '../helpers/draw.js';

const LOG: LogLine[] = [
	{atMs: 0.4, thread: 0, kind: 'sleep', text: 'I am thread_0. Going to sleep for 0.5 seconds'},
	{atMs: 0.9, thread: 1, kind: 'sleep', text: 'I am thread_1. Going to sleep for 0.5 seconds'},
	{atMs: 1.2, thread: -1, kind: 'print', text: 'hello'},
	{atMs: 501.3, thread: 0, kind: 'wake', text: 'thread_0 has woken up from sleep'},
	{atMs: 12_345.6, thread: 1, kind: 'fail', text: 'thread_1 failed: boom'},
];

describe("PrintedLog (beside a slide's points)", () => {
	it('the newest lines that fit, each whole: a long one wraps under its text', () => {
		expect(draw(<PrintedLog lines={LOG} height={5} width={40} />)).toEqual([
			'printed (+2 earlier):',
			'0.00 s  hello',
			'0.50 s  thread_0 has woken up from sleep',
			'12.35 s  thread_1 failed: boom',
		]);
		expect(draw(<PrintedLog lines={LOG.slice(0, 2)} height={5} width={40} />)).toEqual([
			'printed:',
			'0.00 s  I am thread_0. Going to sleep',
			'        for 0.5 seconds',
			'0.00 s  I am thread_1. Going to sleep',
			'        for 0.5 seconds',
		]);
	});
});

describe('sameLog: the log redraws only when what it shows differs', () => {
	const copy = () => LOG.map((line) => ({...line}));
	it('a new array of the same lines is the same log', () => {
		expect(sameLog({lines: LOG, height: 3, width: 80}, {lines: copy(), height: 3, width: 80})).toBe(true);
	});
	it('a new line, another size, or a changed line it shows is not', () => {
		expect(sameLog({lines: LOG.slice(0, 4), height: 3, width: 80}, {lines: LOG, height: 3, width: 80})).toBe(false);
		expect(sameLog({lines: LOG, height: 3, width: 80}, {lines: LOG, height: 4, width: 80})).toBe(false);
		expect(sameLog({lines: LOG, height: 3, width: 80}, {lines: LOG, height: 3, width: 79})).toBe(false);
		const changed = copy();
		changed[4] = {...changed[4]!, text: 'thread_1 failed: other'};
		expect(sameLog({lines: LOG, height: 3, width: 80}, {lines: changed, height: 3, width: 80})).toBe(false);
		// A rerun's log of as many lines, printed at other times.
		const rerun = copy().map((line) => ({...line, atMs: line.atMs + 1}));
		expect(sameLog({lines: LOG, height: 5, width: 80}, {lines: rerun, height: 5, width: 80})).toBe(false);
	});
	it('a line scrolled out of sight does not count', () => {
		const changed = copy();
		changed[0] = {...changed[0]!, text: 'scrolled away'};
		expect(sameLog({lines: LOG, height: 3, width: 80}, {lines: changed, height: 3, width: 80})).toBe(true);
	});
});

describe('EventLog', () => {
	it('each line with its time since the scene started, in order', () => {
		expect(draw(<EventLog lines={LOG} height={5} width={80} />)).toEqual([
			'   0.00 s  I am thread_0. Going to sleep for 0.5 seconds',
			'   0.00 s  I am thread_1. Going to sleep for 0.5 seconds',
			'   0.00 s  hello',
			'   0.50 s  thread_0 has woken up from sleep',
			'  12.35 s  thread_1 failed: boom',
		]);
	});

	it('shows the last `height` lines and says how many are hidden', () => {
		expect(draw(<EventLog lines={LOG} height={3} width={80} />)).toEqual([
			'   0.00 s  (+2 earlier) hello',
			'   0.50 s  thread_0 has woken up from sleep',
			'  12.35 s  thread_1 failed: boom',
		]);
		expect(draw(<EventLog lines={LOG} height={1} width={80} />)).toEqual(['  12.35 s  (+4 earlier) thread_1 failed: boom']);
	});

	it('nothing at height 0 or without lines', () => {
		expect(draw(<EventLog lines={LOG} height={0} width={80} />)).toEqual(['']);
		expect(draw(<EventLog lines={[]} height={4} width={80} />)).toEqual(['']);
	});

	it('cuts long lines to the width with the theme ellipsis', () => {
		const [line] = draw(<EventLog lines={LOG.slice(0, 1)} height={2} width={30} />);
		expect(line).toBe('   0.00 s  I am thread_0. Goi…');
		expect(line).toHaveLength(30);
		expect(draw(<EventLog lines={LOG.slice(0, 1)} height={2} width={30} />, ascii)[0]).toBe('   0.00 s  I am thread_0. G...');
	});
});

describe('Footer', () => {
	const keys = [
		{keys: 'r', action: 'run again'},
		{keys: '?', action: 'help'},
		{keys: 'q', action: 'quit'},
	];

	it('the keys on one line', () => {
		expect(draw(<Footer hints={keys} />)).toEqual(['r run again · ? help · q quit']);
		expect(draw(<Footer hints={keys} />, ascii)).toEqual(['r run again - ? help - q quit']);
	});
});

describe('Header', () => {
	const header = (width: number, theme = ascii) =>
		draw(
			<Header
				scene="sleepers"
				title="many threads at once"
				label="real threads"
				lesson="All threads sleep at the same time."
				width={width}
			/>,
			theme,
		);

	it('title on the left, what runs it on the right, the lesson below', () => {
		const [top, lesson] = header(70);
		expect(top).toBe('threadlab - sleepers - many threads at once' + ' '.repeat(15) + 'real threads');
		expect(top).toHaveLength(70);
		expect(lesson).toBe('All threads sleep at the same time.');
	});

	it('cuts the title and the lesson; the label goes before the scene name would be cut', () => {
		expect(header(36)).toEqual(['threadlab - sleepers... real threads', 'All threads sleep at the same time.']);
		expect(header(30)).toEqual(['threadlab - sleepers - many...', 'All threads sleep at the sa...']);
	});

	it('shortens a long label to its first part, then drops it, before the title is cut', () => {
		const top = (width: number) =>
			draw(<Header scene="race" title="a shared counter" label="real threads · 4 workers · 90 MB" lesson="" width={width} />, ascii)[0];
		expect(top(50)).toBe('threadlab - race - a shared counter   real threads');
		expect(top(40)).toBe('threadlab - race - a shared counter');
	});
});

describe('Help', () => {
	it('every key, then the notebook cell, cut to the height', () => {
		const keys = [{keys: 'q Esc Ctrl+C', action: 'quit'}];
		const code = ['thread.start()', 'thread.join()'];
		expect(draw(<Help keys={keys} code={code} height={10} width={40} />)).toEqual([
			'q Esc Ctrl+C  quit',
			'',
			'The notebook cell:',
			'  thread.start()',
			'  thread.join()',
		]);
		expect(draw(<Help keys={keys} code={code} height={4} width={40} />)).toHaveLength(4);
	});
});

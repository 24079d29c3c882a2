import {describe, expect, it} from 'vitest';
import {ThreadTable, tableHeight} from '../../source/ui/components/ThreadTable.js';
import type {MainRowModel, ThreadRowModel} from '../../source/model/snapshot.js';
import {ascii, draw, plain} from '../helpers/draw.js';

const main: MainRowModel = {state: 'joining', progress: 0.4, elapsedMs: 1234};

function rows(n: number, state: (i: number) => ThreadRowModel['state'] = (i) => (i < 2 ? 'done' : 'sleeping')): ThreadRowModel[] {
	return Array.from({length: n}, (_, i) => {
		const s = state(i);
		return {
			name: `thread_${i}`,
			state: s,
			progress: s === 'done' ? 1 : 0.5,
			elapsedMs: s === 'done' ? 2000 : 1000,
			targetMs: 2000,
			local: 0,
		};
	});
}

const table = (threads: ThreadRowModel[], width: number, maxLines: number, theme = ascii) =>
	draw(<ThreadTable main={main} threads={threads} clockMs={0} width={width} maxLines={maxLines} />, theme);

describe('tableHeight', () => {
	it('one line per thread plus main, at most maxLines, at least 2', () => {
		expect(tableHeight(5, 10)).toBe(6);
		expect(tableHeight(5, 4)).toBe(4);
		expect(tableHeight(5, 0)).toBe(2);
		expect(tableHeight(1, 1)).toBe(2);
	});
});

describe('ThreadTable', () => {
	it('main first, then one row per thread, all in the width', () => {
		expect(table(rows(5), 60, 10)).toEqual([
			'  main     ~ joining  in join(): 2/5 done             1.2 s',
			'  thread_0 + done     ########################### 2.0 / 2 s',
			'  thread_1 + done     ########################### 2.0 / 2 s',
			'  thread_2 z sleeping ##############............. 1.0 / 2 s',
			'  thread_3 z sleeping ##############............. 1.0 / 2 s',
			'  thread_4 z sleeping ##############............. 1.0 / 2 s',
		]);
	});

	it('the bar follows the width: every row has the same number of cells', () => {
		for (const width of [40, 60, 100]) {
			const lines = table(rows(3), width, 10);
			const barWidth = width - 33; // 2 + name 8 + 1 + icon 2 + state 9 + 1 + time 9 + 1
			for (const line of lines) expect(line.length).toBeLessThan(width);
			// The main thread's row says what it does in words, in that same room.
			for (const line of lines.slice(1)) expect(line.match(/[#.]{2,}/)?.[0]).toHaveLength(barWidth);
		}
	});

	it('Unicode glyphs: blocked and sleeping threads are still, running ones spin', () => {
		const [mainRow, done, , sleeping, running] = table(
			rows(4, (i) => (['done', 'done', 'sleeping', 'running'] as const)[i]!),
			60,
			10,
			plain,
		);
		expect(mainRow).toBe('  main     ○ joining  in join(): 2/4 done             1.2 s');
		expect(done).toBe('  thread_0 ✔ done     ███████████████████████████ 2.0 / 2 s');
		expect(sleeping).toContain('z sleeping █████████████▌░░░░░░░░░░░░░ 1.0 / 2 s');
		expect(running).toContain('⠋ running  █████████████▌░░░░░░░░░░░░░ 1.0 / 2 s');
	});

	it('tenths of a second for short sleeps, whole seconds from 10 s on', () => {
		const long = rows(3).map((row) => ({...row, targetMs: 600_000, elapsedMs: row.elapsedMs + 12_345}));
		const [mainRow, , , sleeping] = table(long, 60, 10);
		expect(mainRow).toMatch(/ 1 s$/);
		expect(sleeping).toMatch(/ 13 \/ 600 s$/);
	});

	it('collapses the rows that do not fit into one line, counted by state', () => {
		const lines = table(rows(5), 60, 4);
		expect(lines).toHaveLength(4);
		expect(lines[0]).toMatch(/^ {2}main /);
		expect(lines[1]).toMatch(/^ {2}thread_0 /);
		expect(lines[2]).toMatch(/^ {2}thread_1 /);
		expect(lines[3]).toBe('  +3 more threads (3 sleeping)');
	});

	it('the collapsed line lists every hidden state', () => {
		const states = ['sleeping', 'done', 'sleeping', 'failed', 'done', 'sleeping', 'new'] as const;
		const lines = table(
			rows(7, (i) => states[i]!),
			60,
			3,
		);
		expect(lines).toHaveLength(3);
		expect(lines[1]).toMatch(/^ {2}thread_0 z sleeping/);
		expect(lines[2]).toBe('  +6 more threads (2 done, 2 sleeping, 1 failed, 1 new)');
	});

	it('256 threads in 10 lines', () => {
		const lines = table(rows(256), 60, 10);
		expect(lines).toHaveLength(10);
		expect(lines[8]).toMatch(/^ {2}thread_7 /);
		expect(lines[9]).toBe('  +248 more threads (248 sleeping)');
	});

	it('the name column grows with the longest name, up to 16', () => {
		const threads = rows(2);
		threads[1]!.name = 'thread_with_a_very_long_name';
		const lines = table(threads, 70, 10);
		expect(lines[0]).toMatch(/^ {2}main {13}~ joining/);
		expect(lines[2]).toMatch(/^ {2}thread_with_a... \+ done/);
	});
});

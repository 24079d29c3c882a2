import {describe, expect, it} from 'vitest';
import {SceneView, type SceneViewProps} from '../../source/ui/components/SceneView.js';
import {toSnapshot} from '../../source/model/snapshot.js';
import type {EventSample, Sample, ThreadSample} from '../../source/model/types.js';
import {ascii, draw, plain} from '../helpers/draw.js';

const KEYS = [
	{keys: 'r', action: 'run again'},
	{keys: '?', action: 'help'},
	{keys: 'q', action: 'quit'},
];
const CODE = ['for thread in threads:', '    thread.join()'];

function sleepers(n: number, clockMs: number, finished: boolean): Sample {
	const threads: ThreadSample[] = Array.from({length: n}, (_, i) => ({
		name: `thread_${i}`,
		state: finished ? 'done' : 'sleeping',
		sleepSeconds: 2,
		startMs: i,
		wakeMs: finished ? 2000 + i : null,
		endMs: finished ? 2000 + i : null,
		progress: 0,
		local: 0,
	}));
	const events: EventSample[] = threads.map((_, i) => ({kind: 'sleep', thread: i, atMs: i}));
	if (finished) events.push(...threads.map((_, i): EventSample => ({kind: 'wake', thread: i, atMs: 2000 + i})));
	return {scene: 'sleepers', clockMs, main: finished ? 'done' : 'joining', threads, events, finished};
}

function view(sample: Sample, over: Partial<SceneViewProps> = {}, theme = plain): string[] {
	const props: SceneViewProps = {
		snapshot: toSnapshot(sample),
		title: 'many threads at once',
		lesson: 'All threads sleep at the same time.',
		code: CODE,
		label: 'real threads',
		width: 80,
		height: 24,
		keys: KEYS,
		help: false,
		...over,
	};
	return draw(<SceneView {...props} />, theme);
}

describe('SceneView', () => {
	it('terminal too small', () => {
		const narrow = view(sleepers(5, 0, false), {width: 10});
		expect(narrow).toHaveLength(1);
		expect(narrow[0]!.length).toBeLessThanOrEqual(10);
		expect(narrow[0]).toBe('too small'); // the whole message, never a cut word
		expect(view(sleepers(5, 0, false), {width: 80, height: 7})).toEqual(['terminal too small']);
		expect(view(sleepers(5, 0, false), {width: 19, height: 24})).toEqual(['terminal too small']);
	});

	it('a finished scene: header, every row, the log, the summary, the keys', () => {
		const lines = view(sleepers(5, 2004, true));
		expect(lines).toHaveLength(23); // one line spare
		expect(lines[0]).toBe(`threadlab · sleepers · many threads at once${' '.repeat(25)}real threads`);
		expect(lines[1]).toBe('All threads sleep at the same time.');
		expect(lines[2]).toBe('');
		expect(lines[3]).toBe(`  main     ✔ done     ${'its last line ran; every thread finished'.padEnd(47)}     2.0 s`);
		expect(lines[4]).toBe(`  thread_0 ✔ done     ${'█'.repeat(47)} 2.0 / 2 s`);
		expect(lines[8]).toMatch(/^ {2}thread_4 ✔ done/);
		expect(lines[9]).toBe('');
		expect(lines[10]).toBe('   0.00 s  I am thread_0. Going to sleep for 2 seconds');
		expect(lines[15]).toBe('   2.00 s  thread_0 has woken up from sleep');
		expect(lines[19]).toBe('   2.00 s  thread_4 has woken up from sleep');
		expect(lines[21]).toBe('elapsed 2.00 s · sequential would take 10.00 s · 4.99× faster');
		expect(lines[22]).toBe('r run again · ? help · q quit');
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
	});

	it('while running: the clock instead of the summary', () => {
		const lines = view(sleepers(3, 1234, false), {width: 60});
		// The screen's one spinner (frame 6 of the dots at 1.2 s) and the scene clock.
		expect(lines).toContain('⠦ running · 1.2 s');
		expect(lines).toContain('   0.00 s  I am thread_0. Going to sleep for 2 seconds');
		expect(lines.join('\n')).not.toContain('elapsed');
		expect(lines.find((line) => line.includes('thread_1'))).toMatch(/^ {2}thread_1 \S sleeping █{16}▋░{10} 1\.2 \/ 2 s$/);
	});

	it('before the threads start', () => {
		const sample = {...sleepers(2, 0, false), main: 'starting' as const, events: []};
		expect(view(sample, {width: 60})).toContain('starting threads…');
	});

	it('collapses rows that do not fit the height', () => {
		const lines = view(sleepers(5, 2004, true), {width: 70, height: 12});
		expect(lines.length).toBeLessThanOrEqual(11);
		expect(lines).toContain('  +5 more threads (5 done)');
		expect(lines.at(-2)).toBe('elapsed 2.00 s · sequential would take 10.00 s · 4.99× faster');
		expect(lines.at(-1)).toBe('r run again · ? help · q quit');
	});

	it('never draws past the width or the height (one line spare)', () => {
		for (const [width, height] of [
			[20, 11],
			[40, 12],
			[100, 30],
		] as const) {
			const lines = view(sleepers(8, 900, false), {width, height}, ascii);
			expect(lines.length).toBeLessThan(height);
			for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
		}
	});

	it('? shows the keys and the notebook cell in place of the log', () => {
		const lines = view(sleepers(2, 2004, true), {width: 60, helpKeys: [{keys: 'q Esc Ctrl+C', action: 'quit'}], help: true});
		expect(lines).toContain('q Esc Ctrl+C  quit');
		expect(lines).toContain('The notebook cell:');
		expect(lines).toContain('  for thread in threads:');
		expect(lines.join('\n')).not.toContain('has woken up');
	});

	it('no keyboard: no footer', () => {
		const lines = view(sleepers(2, 2004, true), {keys: []});
		expect(lines.at(-1)).toBe('elapsed 2.00 s · sequential would take 4.00 s · 2.00× faster');
		expect(lines.join('\n')).not.toContain('run again');
	});

	it('failed threads: their note on the row and in the summary', () => {
		const sample = sleepers(3, 2004, true);
		sample.threads[1] = {...sample.threads[1]!, state: 'failed', wakeMs: null, endMs: 300, error: 'worker exited'};
		const lines = view(sample, {width: 90});
		expect(lines.find((line) => line.includes('thread_1'))).toMatch(/^ {2}thread_1 ✖ failed {3}worker exited {45}0\.2 \/ 2 s$/);
		expect(lines).toContain('1 thread failed · elapsed 2.00 s · sequential would take 6.00 s · 2.99× faster');
	});

	it('--ascii: the rows, the log and the footer use no Unicode glyphs', () => {
		const lines = view(sleepers(3, 1234, false), {width: 60}, ascii);
		expect(lines[0]).toMatch(/^threadlab - sleepers - many threads at once +real threads$/);
		expect(lines.find((line) => line.includes('thread_1'))).toMatch(/^ {2}thread_1 z sleeping #{17}\.{10} 1\.2 \/ 2 s$/);
		expect(lines.at(-1)).toBe('r run again - ? help - q quit');
		expect(lines.at(-2)).toBe('| running - 1.2 s');
		expect(lines.join('\n')).toMatch(/^[\x20-\x7e\n]*$/);
	});

	// Known bug (see report): MIN_HEIGHT is 8 but the smallest layout takes 10 lines,
	// so at heights 8 to 10 the frame is taller than the terminal.
	it('heights from MIN_HEIGHT up fit the terminal', () => {
		for (const height of [8, 9, 10]) expect(view(sleepers(5, 900, false), {width: 40, height}).length).toBeLessThan(height);
	});

	// Known bug (see report): with --ascii the summary line still has '·' and '×'
	// (built in model/snapshot.ts), and 'starting threads…' is hard-coded.
	it('--ascii: the summary and the starting line are ASCII too', () => {
		const done = view(sleepers(3, 2004, true), {width: 80}, ascii).join('\n');
		const starting = view({...sleepers(3, 0, false), main: 'starting', events: []}, {width: 80}, ascii).join('\n');
		expect(done + starting).toMatch(/^[\x20-\x7e\n]*$/);
	});
});

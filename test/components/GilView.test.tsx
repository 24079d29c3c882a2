import {describe, expect, it} from 'vitest';
import {SimSession} from '../../source/engine/sim/session.js';
import {GIL_CODE, gilPrograms} from '../../source/lessons/gil.js';
import {faster} from '../../source/model/gil.js';
import {toSnapshots} from '../../source/model/snapshot.js';
import type {Sample} from '../../source/model/types.js';
import {GilView} from '../../source/ui/components/GilView.js';
import {ascii, draw, plain} from '../helpers/draw.js';

const KEYS = [
	{keys: 'r', action: 'run again'},
	{keys: '?', action: 'help'},
	{keys: 'q', action: 'quit'},
];

/** The scene simulated to `ms`, with its samples changed by `change` (to play a real run's lanes). */
function snapshots(ms: number, threads = 4, change = (samples: Sample[]) => samples) {
	const session = new SimSession([gilPrograms({threads, cpuMs: 500, sleep: 0.5, python: 'python3', simulated: true})], 1);
	session.advanceTo(ms);
	return toSnapshots([change(session.samples()[0]!)])[0]!;
}
const view = (ms: number, over: {width?: number; height?: number; help?: boolean; threads?: number} = {}, theme = plain) =>
	draw(
		<GilView
			snapshots={snapshots(ms, over.threads)}
			code={GIL_CODE}
			label="simulated · seed 1"
			width={over.width ?? 80}
			height={over.height ?? 24}
			keys={KEYS}
			help={over.help ?? false}
		/>,
		theme,
	);

describe('GilView', () => {
	it('80×24: the header with the GIL, each lane with its figures beside four rows, the status and the keys', () => {
		const lines = view(1500);
		expect(lines.length).toBeLessThanOrEqual(23);
		expect(lines[2]).toBe('2 cores · thread_2 holds the GIL · 98 hand-overs · switch interval 5 ms');
		expect(lines.slice(4).filter((line) => /thread_\d /.test(line))).toHaveLength(12);
		expect(lines.filter((line) => line.includes('running (holds the GIL)'))).toHaveLength(1);
		expect(lines.filter((line) => line.includes('waiting for the GIL'))).toHaveLength(3);
		expect(lines.at(-2)).toMatch(/^⠹ lane 2 of 4, CPU-bound under a GIL · 0\.4 s$/);
		expect(lines.at(-1)).toBe('r run again · ? help · q quit');
	});

	it('done: the lesson with the figures, on two lines when it does not fit one', () => {
		const lines = view(10_000);
		expect(lines.join('\n')).toContain(
			'CPU-bound: 4 threads 2.00× faster on 2 cores; under a GIL 0.99×. I/O-bound under\nthe GIL: 4.00× faster.',
		);
		expect(lines.every((line) => line.length <= 80)).toBe(true);
	});

	it('a speed-up below one is not called faster (a loaded machine can slow the threads down)', () => {
		expect(faster(1.91)).toBe('1.91× faster');
		expect(faster(0.997)).toBe('1.00× faster');
		expect(faster(0.73)).toBe('0.73× (slower)');
	});

	it('too little room for rows: one line per lane; narrow: the figures above the rows', () => {
		const short = view(1500, {height: 12});
		expect(short.filter((line) => /^\d (CPU|I\/O)/.test(line))).toHaveLength(3);
		expect(short.some((line) => line.includes('thread_0'))).toBe(false);
		const narrow = view(1500, {width: 50});
		expect(narrow).toContain('1 CPU-bound · no lock · 1.00 s · 2.00×');
		expect(narrow.every((line) => line.length <= 50)).toBe(true);
	});

	it('more threads than rows: +N more, by state', () => {
		expect(view(3000, {threads: 8}).join('\n')).toMatch(/^ {20}\+4 more \(\d waiting(, 1 holding)?\)$/m);
	});

	it('? shows the keys and the Python of the CPU job; --ascii is ASCII only', () => {
		const help = view(1500, {help: true}).join('\n');
		expect(help).toContain('  def cpu_job(n):');
		expect(help).toContain('        total += i * i % 7');
		expect(view(1500, {}, ascii).join('\n')).toMatch(/^[\x20-\x7e\n]*$/);
	});

	it('a real run: the job in iterations, and CPython named by the build that ran', () => {
		const real = (samples: Sample[]): Sample[] => {
			const calibrated = samples.map((sample) => ({
				...sample,
				gil: {...sample.gil!, simulated: false, iterations: 291_000_000, calibrationMs: 201},
			}));
			const gil = calibrated.find((sample) => sample.gil.lane === 'gil')!;
			const build = {version: 'CPython 3.13.1', freeThreaded: true, gil: false};
			return [...calibrated, {...gil, gil: {...gil.gil, lane: 'python', python: build, pythonElapsedMs: 1010, handovers: 0, holder: -1}}];
		};
		const lines = draw(
			<GilView
				snapshots={snapshots(10_000, 4, real)}
				code={GIL_CODE}
				label="real threads"
				width={80}
				height={24}
				keys={KEYS}
				help={false}
			/>,
		);
		expect(lines[3]).toBe('job: 291,000,000 iterations = 500 ms of one core (calibrated over 201 ms)');
		expect(lines.some((line) => line.startsWith('4 CPython 3.13.1'))).toBe(true);
		expect(lines.some((line) => line.startsWith('  free-threaded '))).toBe(true);
		expect(lines.join(' ')).toContain('under a GIL 0.99×; CPython 3.13 free-threaded 1.98×. I/O-bound');
	});
});

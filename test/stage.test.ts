/**
 * Stage-ready (issue 12): at a projector's 80×24, and at 100×30, every scene (the gil, deadlock
 * and interleavings scenes too) and every slide of the recorded tour reads completely: nothing
 * ends in `…` (no title, lesson, lock-panel figure, caught line, summary or key is cut), nothing
 * spills past the screen, and at the defaults every race worker of every column is on screen.
 */
import {stripVTControlCharacters} from 'node:util';
import {describe, expect, it} from 'vitest';
import {renderFrame} from '../source/cli/render-frame.js';
import {parseOptions} from '../source/cli/options.js';
import {GIL_DEFAULTS, RACE_DEFAULTS, type SceneName} from '../source/lessons/index.js';
import {tourSlides} from '../source/lessons/tour.js';
import {tourSegments} from '../source/output/tour.js';

const SIZES = [
	[80, 24],
	[100, 30],
] as const;
const SCENES: SceneName[] = ['start', 'hello', 'join', 'sleepers', 'sequential', 'race', 'dashboard', 'gil', 'deadlock', 'interleavings'];
/** Mid-run and done, for every scene (the race's all modes end near 3 s of virtual time). */
const TIMES = [0.3, 1, 2.5, 30];
const WORKERS = ['thread_0', 'thread_1', 'thread_2', 'thread_3'];
/** The caught line, whole: the threads, the value they all read, how many updates that lost. */
const CAUGHT =
	/^caught {5}(thread_\d and thread_\d both|(thread_\d, )+thread_\d and thread_\d all) read (\d+) and wrote \d+: (one update|[2-9] updates) lost$/m;
/** The caught line's continuation joined back onto it (it wraps rather than cut). */
const unwrapped = (frame: string) => frame.replace(/\n {11}(?=\S)(?!thread_)/g, ' ');

function complete(frame: string, width: number, height: number, where: string) {
	const lines = frame.split('\n');
	expect(lines.length, where).toBeLessThan(height);
	for (const line of lines) {
		expect(line.length, `${where}: ${line}`).toBeLessThanOrEqual(width);
		expect(line, where).not.toContain('…');
	}
}

/** Each worker once per race column on the `workers` lines (a column per mode). */
function everyWorker(frame: string, columns: number, where: string) {
	const workerLines = frame.split('\n').filter((line) => /^(workers| {11})\s*thread_\d/.test(line));
	for (const name of WORKERS) {
		const seen = workerLines.join('\n').split(name).length - 1;
		expect(seen, `${where}: ${name}\n${frame}`).toBe(columns);
	}
	expect(frame, where).not.toContain('more');
}

describe.each(SIZES)('every scene at %i×%i', (width, height) => {
	it.each(SCENES)('%s reads completely', (scene) => {
		for (const time of TIMES) {
			const frame = renderFrame({scene, seed: 1, time, width, height});
			const where = `${scene} at ${time} s, ${width}×${height}`;
			complete(frame, width, height, where);
			if (scene === 'race') everyWorker(frame, 3, where);
			if (scene === 'dashboard') everyWorker(frame, 2, where);
		}
	});

	it('shows the figures, the caught line and the summary whole', () => {
		const race = renderFrame({scene: 'race', seed: 1, time: 30, width, height});
		for (const label of ['expected', 'actual', 'lost', 'contended', 'caught']) expect(race).toMatch(new RegExp(`^${label} `, 'm'));
		expect(unwrapped(race)).toMatch(CAUGHT);
		const summary = width >= 100 ? 'unsafe lost 75.0% of its updates in' : 'unsafe lost 75.0% in';
		expect(race).toContain(`\n${summary} 0.53 s · mutex exact in 2.20 s · atomic exact in 0.53 s\n`);
		const dashboard = renderFrame({scene: 'dashboard', seed: 1, time: 30, width, height});
		expect(unwrapped(dashboard)).toMatch(CAUGHT);
		expect(dashboard).toMatch(/^x \+= 1 is three steps: two threads that read the same value lose an update\.$/m);
		expect(dashboard).toMatch(/^elapsed 2\.00 s · sequential would take 10\.00 s · 5\.00× faster$/m);
	});
});

describe.each(SIZES)('the recorded tour at %i×%i', (width, height) => {
	const options = parseOptions(['tour'], {seed: '1', width: String(width), height: String(height), record: 'talk.cast'});
	const slides = tourSlides({threads: options.threads, sleep: options.sleep}, RACE_DEFAULTS, {...GIL_DEFAULTS, simulated: true});

	it('every slide reads completely, mid-scene and when done, with every race worker on screen', () => {
		const segments = tourSegments(slides, options);
		for (const [index, segment] of segments.entries()) {
			for (const time of [50, 150, 233.3, 300, 450, 1_000, 2_000, 60_000]) {
				segment.session.advanceTo(time);
				const frame = stripVTControlCharacters(segment.draw());
				const where = `${segment.label} at ${time} ms, ${width}×${height}`;
				complete(frame, width, height, where);
				expect(frame.split('\n')[0], where).toContain(slides[index]!.title);
				if (slides[index]!.view?.kind === 'race') everyWorker(frame, 1, where);
			}
			// Each slide as the talk leaves it, in the snapshot suite at this size.
			expect(stripVTControlCharacters(segment.draw())).toMatchSnapshot(segment.label);
		}
	});

	it('the sleepers slide shows what the code prints, whole, mid-run and at the end', () => {
		const segments = tourSegments(slides, options);
		const sleepers = segments[slides.findIndex((slide) => slide.id === 'sleepers')]!;
		sleepers.session.advanceTo(1_000);
		const sleeping = stripVTControlCharacters(sleepers.draw());
		// At 80×24 the rows leave no room below: the printed lines go beside the points.
		if (width === 80) expect(sleeping).toMatch(/^.*printed( \(\+\d earlier\))?:$/m);
		expect(sleeping.match(/0\.00 s {2}I am thread_\d\. Going to sleep for 2/g)?.length).toBeGreaterThanOrEqual(2);
		sleepers.session.advanceTo(60_000);
		expect(stripVTControlCharacters(sleepers.draw()).match(/2\.00 s {2}thread_\d has woken up from sleep/g)?.length).toBeGreaterThanOrEqual(
			width >= 100 ? 5 : 4,
		);
	});

	it('the unsafe slide ends on its caught line, whole', () => {
		const segments = tourSegments(slides, options);
		const unsafe = segments[slides.findIndex((slide) => slide.id === 'unsafe')]!;
		unsafe.session.advanceTo(60_000);
		expect(unwrapped(stripVTControlCharacters(unsafe.draw()))).toMatch(CAUGHT);
	});
});

describe('slides match what runs', () => {
	const text = (threads: number, sleep: number) =>
		tourSlides({threads, sleep}, RACE_DEFAULTS, {...GIL_DEFAULTS, simulated: true})
			.flatMap((slide) => [slide.title, ...slide.code, ...slide.points])
			.join('\n');

	it('tour -s 0.5 shows n_time = 0.5; tour -t 8 says 8, never five', () => {
		expect(text(5, 0.5)).toContain('n_time = 0.5');
		expect(text(5, 0.5)).not.toContain('n_time = 2');
		expect(text(8, 2)).toContain('n_threads = 8');
		expect(text(8, 2)).toContain('8 sleepers at once');
		expect(text(8, 2)).not.toMatch(/\bfive\b|n_threads = 5\b/);
	});

	it("the sleeper on the slide prints the log's own lines", () => {
		const code = text(5, 2);
		expect(code).toContain("print('I am {}. Going to sleep for {} seconds'");
		expect(code).toContain("print('{} has woken up from sleep'.format(name))");
		const frame = renderFrame({scene: 'start', seed: 1, time: 3});
		expect(frame).toContain('I am thread1. Going to sleep for 2 seconds');
		expect(frame).toContain('thread1 has woken up from sleep');
	});
});

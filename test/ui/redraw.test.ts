/**
 * The redraw cadence (ui/redraw.ts): when time alone next changes the screen. Concrete
 * numbers for a seeded sleepers run, whose bars are elapsed ÷ sleep.
 */
import {describe, expect, it} from 'vitest';
import {SimSession} from '../../source/engine/sim/session.js';
import {SCENES} from '../../source/lessons/index.js';
import {lanesFor} from '../../source/lessons/view.js';
import {type Snapshot, framesKey, toSnapshots} from '../../source/model/snapshot.js';
import {nextRedrawMs, nextStepMs, timedRow} from '../../source/ui/redraw.js';

/** Seeded sleepers (`threads` × `sleep` s) at `ms` of virtual time. */
function sleepersAt(ms: number, threads = 2, sleep = 2): Snapshot[][] {
	const session = new SimSession(lanesFor({kind: 'scene', scene: SCENES.sleepers, options: {threads, sleep}}), 1);
	session.advanceTo(ms);
	return toSnapshots(session.samples());
}

/** 70 cells of eighths: the bar of `sleepers` at 100 columns. */
const STEPS_100_COLUMNS = 70 * 8;

describe('nextStepMs', () => {
	it('the time until the bar rounds to its next step', () => {
		// 2 s over 560 steps: a step every 3.571 ms; at 0 the bar shows 0 until half a step.
		expect(nextStepMs(0, 2000, 560)).toBeCloseTo(1.786, 3);
		// 600 s over 560 steps: a step every 1071.4 ms; at 1 s the bar shows step 1 until 1.5 steps.
		expect(nextStepMs(1000, 600_000, 560)).toBeCloseTo(607.14, 2);
		// Just past a half step the bar already shows the step above: the next is almost a whole step away.
		expect(nextStepMs(1.6 * (600_000 / 560), 600_000, 560)).toBeCloseTo(0.9 * (600_000 / 560), 6);
		// Whole cells (ASCII, 70 steps): a cell every 28.57 ms of a 2 s sleep.
		expect(nextStepMs(1000, 2000, 70)).toBeCloseTo(14.29, 2);
	});
});

describe('nextRedrawMs', () => {
	it('a 2 s sleep at 100 columns: a bar moves every 3.6 ms, so at most 30 frames a second', () => {
		const lanes = sleepersAt(1000);
		expect(lanes[0]![0]!.threads.every((row) => row.state === 'sleeping')).toBe(true);
		expect(nextRedrawMs(lanes, {fps: 30, frameMs: 200, barSteps: STEPS_100_COLUMNS})).toBeCloseTo(1000 / 30, 6);
		expect(nextRedrawMs(lanes, {fps: 60, frameMs: 200, barSteps: STEPS_100_COLUMNS})).toBeCloseTo(1000 / 60, 6);
		// Unbounded, the next eighth of the bars: 2 s over 560 steps, half a step past 1 s.
		expect(nextRedrawMs(lanes, {fps: 100_000, frameMs: 200, barSteps: STEPS_100_COLUMNS})).toBeCloseTo(1.786, 3);
	});

	it('a 600 s sleep: the spinner and the clocks (every 200 ms) come before the next eighth (every 1.07 s)', () => {
		const lanes = sleepersAt(1000, 2, 600);
		expect(nextRedrawMs(lanes, {fps: 30, frameMs: 200, barSteps: STEPS_100_COLUMNS})).toBe(200);
		// A spinner slower than the bar: the bar's next eighth, 607 ms away.
		expect(nextRedrawMs(lanes, {fps: 30, frameMs: 5000, barSteps: STEPS_100_COLUMNS})).toBeCloseTo(607.14, 2);
		// No bar drawn (a narrow terminal): only the ticks.
		expect(nextRedrawMs(lanes, {fps: 30, frameMs: 5000, barSteps: 0})).toBe(4000);
	});

	it('finished: nothing moves, no redraw', () => {
		const lanes = sleepersAt(10_000);
		expect(lanes[0]![0]!.finished).toBe(true);
		expect(nextRedrawMs(lanes, {fps: 30, frameMs: 200, barSteps: STEPS_100_COLUMNS})).toBe(Number.POSITIVE_INFINITY);
	});

	it('a race moves by its steps, not by the clock: its bars add no redraws', () => {
		const session = new SimSession(lanesFor({kind: 'race', modes: ['unsafe'], race: {threads: 2, increments: 50, workMicros: 200}}), 1);
		session.advanceTo(1);
		const lanes = toSnapshots(session.samples());
		const race = lanes[0]![0]!;
		expect(race.threads.some((row) => timedRow(race, row))).toBe(false);
		expect(nextRedrawMs(lanes, {fps: 1000, frameMs: 200, barSteps: STEPS_100_COLUMNS})).toBe(199);
	});

	it('redrawing at nextRedrawMs gives every eighth the bars show, and never more than 30 frames in a second', () => {
		const cadence = {fps: 30, frameMs: 200, barSteps: STEPS_100_COLUMNS};
		const session = new SimSession(lanesFor({kind: 'scene', scene: SCENES.sleepers, options: {threads: 3, sleep: 2}}), 1);
		const frames: number[] = [];
		let lastKey = '';
		for (let time = 0; time < 3000; ) {
			session.advanceTo(time);
			const lanes = toSnapshots(session.samples());
			const key = framesKey(lanes, cadence.frameMs, cadence.barSteps);
			if (key !== lastKey) frames.push(time);
			lastKey = key;
			const wait = nextRedrawMs(lanes, cadence);
			if (!Number.isFinite(wait)) break;
			time += wait;
		}
		// Every frame is 33.3 ms or more after the one before; 30 of them (±1) in each second of the 2 s sleep.
		const gaps = frames.slice(1).map((at, i) => at - frames[i]!);
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000 / 30 - 1e-9);
		for (const second of [0, 1]) {
			const inSecond = frames.filter((at) => at >= second * 1000 && at < (second + 1) * 1000).length;
			expect(inSecond).toBeGreaterThanOrEqual(29);
			expect(inSecond).toBeLessThanOrEqual(31);
		}
		// After the wake at 2 s the run finishes: the last frame is its end, and nothing follows.
		expect(frames.at(-1)).toBeLessThan(2200);
	});
});

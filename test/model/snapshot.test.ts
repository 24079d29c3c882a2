import {describe, expect, it} from 'vitest';
import {fixed, plural, seconds, truncate} from '../../source/model/format.js';
import {stillKey, summarize, toSnapshot} from '../../source/model/snapshot.js';
import {logText} from '../../source/model/wording.js';
import type {EventSample, Sample, ThreadSample} from '../../source/model/types.js';

function thread(name: string, over: Partial<ThreadSample> = {}): ThreadSample {
	return {name, state: 'new', sleepSeconds: 2, startMs: null, wakeMs: null, endMs: null, progress: 0, local: 0, ...over};
}

function sample(over: Partial<Sample> = {}): Sample {
	return {scene: 'sleepers', clockMs: 0, main: 'running', threads: [], events: [], finished: false, ...over};
}

/** n threads that slept `sleep` s from ~0 and are done; the scene took `clockMs`. */
function sleepers(scene: string, n: number, sleep: number, clockMs: number): Sample {
	const threads = Array.from({length: n}, (_, i) =>
		thread(`thread_${i}`, {state: 'done', sleepSeconds: sleep, startMs: i, wakeMs: i + sleep * 1000, endMs: i + sleep * 1000}),
	);
	return sample({scene, clockMs, main: 'done', threads, finished: true});
}

describe('format', () => {
	it('prints seconds the way the user typed them', () => {
		expect(seconds(2)).toBe('2');
		expect(seconds(0.5)).toBe('0.5');
		expect(seconds(0.1 + 0.2)).toBe('0.3');
		expect(seconds(3600)).toBe('3600');
		expect(seconds(1.25)).toBe('1.25');
	});

	it('fixed: ms as seconds with fixed decimals, never negative', () => {
		expect(fixed(2004)).toBe('2.00');
		expect(fixed(1999)).toBe('2.00');
		expect(fixed(10_000)).toBe('10.00');
		expect(fixed(1260, 1)).toBe('1.3');
		expect(fixed(0)).toBe('0.00');
		expect(fixed(-5)).toBe('0.00');
	});

	it('truncate cuts with an ellipsis and keeps short text', () => {
		expect(truncate('thread_0', 8)).toBe('thread_0');
		expect(truncate('thread_10', 8)).toBe('thread_…');
		expect(truncate('abcdef', 4, '...')).toBe('a...');
		expect(truncate('abcdef', 0)).toBe('');
		expect(truncate('abcdef', -3)).toBe('');
	});

	it('plural', () => {
		expect(plural(1, 'thread')).toBe('1 thread');
		expect(plural(2, 'thread')).toBe('2 threads');
		expect(plural(0, 'thread')).toBe('0 threads');
	});
});

describe('logText: the notebook lines', () => {
	const threads = [thread('thread_0', {sleepSeconds: 2}), thread('thread_1', {sleepSeconds: 0.5, error: 'boom'})];
	const text = (event: EventSample) => logText(event, threads);

	it('sleep and wake', () => {
		expect(text({kind: 'sleep', thread: 0, atMs: 1})).toBe('I am thread_0. Going to sleep for 2 seconds');
		expect(text({kind: 'sleep', thread: 1, atMs: 1})).toBe('I am thread_1. Going to sleep for 0.5 seconds');
		expect(text({kind: 'wake', thread: 0, atMs: 2001})).toBe('thread_0 has woken up from sleep');
	});

	it("the main thread's prints, verbatim", () => {
		expect(text({kind: 'print', thread: -1, atMs: 0, text: 'hello'})).toBe('hello');
		expect(text({kind: 'print', thread: -1, atMs: 0})).toBe('');
	});

	it('failures name the thread and the reason', () => {
		expect(text({kind: 'fail', thread: 1, atMs: 5})).toBe('thread_1 failed: boom');
		expect(text({kind: 'fail', thread: 0, atMs: 5})).toBe('thread_0 failed: the thread ended unexpectedly');
	});
});

describe('toSnapshot: rows', () => {
	const rows = (threads: ThreadSample[], clockMs: number) => toSnapshot(sample({clockMs, threads})).threads;

	it('progress and elapsed for each state', () => {
		const [fresh, sleeping, over, awake, done, failed, counter] = rows(
			[
				thread('new', {startMs: 10}),
				thread('sleeping', {state: 'sleeping', startMs: 2100}),
				thread('over', {state: 'sleeping', startMs: 0}),
				thread('awake', {state: 'awake', startMs: 0, wakeMs: 1990}),
				thread('done', {state: 'done', startMs: 0, wakeMs: 2003, endMs: 2004}),
				thread('failed', {state: 'failed', startMs: 0, endMs: 300, error: 'boom'}),
				thread('counter', {state: 'running', sleepSeconds: 0, startMs: 0}),
			],
			2600,
		);
		expect(fresh).toMatchObject({state: 'new', progress: 0, targetMs: 2000});
		expect(sleeping).toMatchObject({state: 'sleeping', progress: 0.25, elapsedMs: 500});
		expect(over).toMatchObject({progress: 1, elapsedMs: 2600});
		expect(awake).toMatchObject({progress: 1, elapsedMs: 1990});
		expect(done).toMatchObject({progress: 1, elapsedMs: 2003});
		expect(failed).toMatchObject({progress: 0.15, elapsedMs: 300, error: 'boom'});
		expect(counter).toMatchObject({progress: 0, targetMs: 0, elapsedMs: 2600});
		expect(done).not.toHaveProperty('error');
	});

	it('a thread not started yet has no elapsed time', () => {
		expect(rows([thread('thread_0')], 900)[0]).toEqual({
			name: 'thread_0',
			state: 'new',
			progress: 0,
			elapsedMs: 0,
			targetMs: 2000,
			local: 0,
		});
	});

	it("the main row: its state, threads finished, the scene's clock", () => {
		const threads = [
			thread('a', {state: 'done'}),
			thread('b', {state: 'failed'}),
			thread('c', {state: 'sleeping'}),
			thread('d', {state: 'awake'}),
		];
		expect(toSnapshot(sample({clockMs: 1234, main: 'joining', threads})).main).toEqual({state: 'joining', progress: 0.5, elapsedMs: 1234});
		expect(toSnapshot(sample({main: 'done'})).main.progress).toBe(1);
	});

	it('log lines keep the order, time and thread of their events', () => {
		const threads = [thread('thread2', {sleepSeconds: 0.5})];
		const events: EventSample[] = [
			{kind: 'print', thread: -1, atMs: 0.4, text: 'hello'},
			{kind: 'sleep', thread: 0, atMs: 0.9},
			{kind: 'wake', thread: 0, atMs: 501},
		];
		expect(toSnapshot(sample({scene: 'hello', threads, events})).log).toEqual([
			{atMs: 0.4, thread: -1, kind: 'print', text: 'hello'},
			{atMs: 0.9, thread: 0, kind: 'sleep', text: 'I am thread2. Going to sleep for 0.5 seconds'},
			{atMs: 501, thread: 0, kind: 'wake', text: 'thread2 has woken up from sleep'},
		]);
	});

	it('has a summary only once finished', () => {
		const running = sleepers('sleepers', 2, 1, 500);
		expect(toSnapshot({...running, finished: false}).summary).toBeNull();
		expect(toSnapshot(running).summary?.line).toMatch(/^elapsed 0\.50 s/);
	});
});

describe('summarize', () => {
	it('sleepers: the time saved against running them one by one', () => {
		const summary = summarize(sleepers('sleepers', 5, 2, 2004));
		expect(summary).toMatchObject({elapsedMs: 2004, sequentialMs: 10_000, concurrentMs: 2000, failed: 0});
		expect(summary.speedup).toBeCloseTo(10_000 / 2004, 10);
		expect(summary.line).toBe('elapsed 2.00 s · sequential would take 10.00 s · 4.99× faster');
		expect(summary.comparison).toEqual({baseline: 'sequential', baselineMs: 10_000, factor: 4.99, direction: 'faster'});
	});

	it("the comparison is the line's, with its printed factor: sequential against all at once; none for start, hello, join", () => {
		const sequential = summarize(sleepers('sequential', 3, 0.2, 612));
		expect(sequential.speedup).toBeCloseTo(600 / 612, 10);
		expect(sequential.comparison).toEqual({baseline: 'concurrent', baselineMs: 200, factor: 3.06, direction: 'slower'});
		// 2.005 is 2.00499… in binary: the factor is what the line prints, 2.00, not a second rounding's 2.01.
		const edge = summarize(sleepers('sequential', 2, 1, 2005));
		expect([edge.comparison?.factor, edge.line.endsWith(' · 2.00× slower')]).toEqual([2, true]);
		for (const scene of ['start', 'hello', 'join']) expect(summarize(sleepers(scene, 1, 0.2, 201)).comparison).toBeNull();
	});

	it('sequential: elapsed and what all at once would take', () => {
		const summary = summarize(sleepers('sequential', 3, 0.2, 612));
		expect(summary).toMatchObject({elapsedMs: 612, sequentialMs: 600, concurrentMs: 200});
		expect(summary.line).toMatch(/^elapsed 0\.61 s · all at once would take 0\.20 s · \d+\.\d\d× slower$/);
	});

	// Known bug (see report): the sequential line divides by n × sleep (always ≈ 1×)
	// instead of by the concurrent time; 612 ms against 200 ms is 3.06× slower.
	it('sequential: the slowdown is elapsed ÷ one sleep', () => {
		expect(summarize(sleepers('sequential', 3, 0.2, 612)).line).toBe('elapsed 0.61 s · all at once would take 0.20 s · 3.06× slower');
	});

	it('start: start() returns at once', () => {
		expect(summarize(sleepers('start', 1, 0.2, 201)).line).toBe('elapsed 0.20 s · start() returned at once · thread_0 woke at 0.20 s');
	});

	it('hello: printed before the wake', () => {
		const s = sample({
			scene: 'hello',
			clockMs: 301,
			main: 'done',
			finished: true,
			threads: [thread('thread2', {state: 'done', sleepSeconds: 0.3, startMs: 0.5, wakeMs: 300.6, endMs: 300.7})],
			events: [{kind: 'print', thread: -1, atMs: 0.8, text: 'hello'}],
		});
		expect(summarize(s).line).toBe('elapsed 0.30 s · hello at 0.00 s, before thread2 woke at 0.30 s');
	});

	it('join: printed after the wake', () => {
		const s = sample({
			scene: 'join',
			clockMs: 301.2,
			main: 'done',
			finished: true,
			threads: [thread('thread3', {state: 'done', sleepSeconds: 0.3, startMs: 0.5, wakeMs: 300.6, endMs: 300.7})],
			events: [{kind: 'print', thread: -1, atMs: 300.9, text: 'hello'}],
		});
		expect(summarize(s).line).toBe('elapsed 0.30 s · hello at 0.30 s, after thread3 woke at 0.30 s');
	});

	it('hello without a print and without a wake', () => {
		const s = sample({scene: 'hello', clockMs: 50, finished: true, threads: [thread('thread2', {state: 'failed', startMs: 0, endMs: 50})]});
		expect(summarize(s).line).toBe('1 thread failed · elapsed 0.05 s · no hello, while thread2 never woke');
	});

	it('failures are counted and named in the line', () => {
		const s = sleepers('sleepers', 4, 1, 1002);
		s.threads[1] = {...s.threads[1]!, state: 'failed', wakeMs: null, error: 'boom'};
		s.threads[3] = {...s.threads[3]!, state: 'failed', wakeMs: null};
		const summary = summarize(s);
		expect(summary.failed).toBe(2);
		expect(summary.line).toBe('2 threads failed · elapsed 1.00 s · sequential would take 4.00 s · 3.99× faster');
	});

	it('a scene that took no time has no speed-up', () => {
		expect(summarize(sample({threads: [thread('a')], finished: true})).speedup).toBe(0);
	});
});

describe('stillKey: what a frame shows apart from what time alone moves', () => {
	const at = (clockMs: number, over: Partial<ThreadSample> = {}) =>
		stillKey([[toSnapshot(sample({clockMs, threads: [thread('thread_0', {state: 'sleeping', ...over})]}))]], 80);

	it('the same while only the clock and the bars move', () => {
		expect(at(100)).toBe(at(1900));
	});

	it('changes with a state, and with a failure’s message arriving after the failure (its log line changes words)', () => {
		expect(at(100, {state: 'done'})).not.toBe(at(100));
		expect(at(100, {state: 'failed', error: 'boom'})).not.toBe(at(100, {state: 'failed'}));
	});
});

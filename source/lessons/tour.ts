/**
 * The talk, in the notebook's order: one slide per lesson, each with the
 * notebook's Python (at most 12 lines, narrow enough for 80 columns beside
 * nothing), one to three talking points, and the scene that runs under it.
 */
import {seconds} from '../model/format.js';
import {foldCode} from './code.js';
import {countInterleavings} from '../model/interleavings.js';
import {groupedBig, percent} from '../model/interleavings-text.js';
import {CPU_JOB_CODE, type GilOptions} from './gil.js';
import {INTERLEAVINGS, INTERLEAVINGS_DEFAULTS} from './interleavings.js';
import {RACE_CODE, type RaceOptions, SCENES, type SceneOptions} from './index.js';
import type {View} from './view.js';

export interface Slide {
	id: string;
	title: string;
	code: string[];
	points: string[];
	/** What runs under the slide; none for the opening and the closing. */
	view?: View;
	/** The closing slide lists what was measured during the talk. */
	summary?: boolean;
}

/** The notebook's sleeper, whose two lines are exactly the ones the scenes' logs print. */
const SLEEPER = [
	'def sleeper(n_time):',
	'    name = threading.current_thread().name',
	"    print('I am {}. Going to sleep for {} seconds'",
	'          .format(name, n_time))',
	'    time.sleep(n_time)',
	"    print('{} has woken up from sleep'.format(name))",
];

/** The deadlock against its fix, in the notebook's `with` style (the scene runs on real threads only, so the slide has no view). */
const DEADLOCK_SLIDE = [
	'lock_a, lock_b = threading.Lock(), threading.Lock()',
	'def thread_0():            def thread_1():',
	'    with lock_a:               with lock_b:   # opposite',
	'        with lock_b:               with lock_a:',
	'            count += 1                 count += 1',
	'# the fix: thread_1 takes them in the same order',
	'def thread_1():',
	'    with lock_a:',
	'        with lock_b:',
	'            count += 1',
];

/**
 * The code as it runs with these options: `tour -s 0.5` shows `n_time = 0.5`, and the
 * loops over `n_threads` say how many (the blank line goes, to stay within 12 lines).
 */
function asRun(code: readonly string[], {threads, sleep}: SceneOptions, loop: boolean): string[] {
	const values = code.map((line) => (line.startsWith('n_time = ') ? `n_time = ${seconds(sleep)}` : line));
	return loop ? [`n_time = ${seconds(sleep)}`, `n_threads = ${threads}`, ...values.filter((line) => line !== '')] : values;
}

/** `gil`: the GIL slide's lanes (the tour keeps their default threads and sleep; --cpu sets the job). */
export function tourSlides(options: SceneOptions, race: RaceOptions, gil: GilOptions): Slide[] {
	const scene = (name: keyof typeof SCENES): View => ({kind: 'scene', scene: SCENES[name], options});
	const lock = (mode: 'unsafe' | 'mutex' | 'atomic'): View => ({kind: 'race', modes: [mode], race});
	return [
		{
			id: 'threads',
			title: 'What is a thread?',
			code: SLEEPER,
			points: [
				'A thread is one flow of work the OS schedules on its own; the threads of a process share its memory.',
				"CPython's GIL lets one thread run Python at a time: threads help while waiting (I/O), not with CPU work.",
				'Here every thread is a real Node worker thread, sharing one SharedArrayBuffer.',
			],
		},
		{
			id: 'gil',
			title: 'the GIL: CPU-bound vs I/O-bound',
			code: [
				...CPU_JOB_CODE,
				'',
				'ts = [Thread(target=cpu_job, args=(n,))',
				'      for _ in range(4)]',
				'for t in ts: t.start()',
				'for t in ts: t.join()',
			],
			points: [
				'The GIL prevents threads from actually running in parallel: one thread at a time can hold it.',
				'So threads are unsuitable for CPU intensive tasks, and pay off when the work is I/O bound.',
				'Below: this job on 4 threads with no lock, under a GIL, sleeping under it, and in CPython.',
			],
			view: {kind: 'gil', gil},
		},
		{
			id: 'start',
			title: 'thread.start() returns at once',
			code: foldCode(asRun(SCENES.start.code, options, false)),
			points: ['start() only asks for the thread to run.', 'The main thread carries on while thread1 sleeps.'],
			view: scene('start'),
		},
		{
			id: 'hello',
			title: 'concurrency: hello before the wake',
			code: foldCode(SCENES.hello.code.slice(1)),
			points: ['The main thread does not wait for thread2.', '"hello" is printed before the wake-up line.'],
			view: scene('hello'),
		},
		{
			id: 'join',
			title: 'join() blocks: hello after the wake',
			code: foldCode(SCENES.join.code.slice(1)),
			points: ['join() blocks the main thread until thread3 ends.', 'Now "hello" comes after the wake-up line.'],
			view: scene('join'),
		},
		{
			id: 'sleepers',
			title: `${options.threads} sleepers at once`,
			code: foldCode(asRun(SCENES.sleepers.code, options, true)),
			points: ['All threads are started, then all are joined.', 'They sleep at the same time: elapsed is one sleep, not n.'],
			view: scene('sleepers'),
		},
		{
			id: 'sequential',
			title: 'start and join in one loop',
			code: foldCode(asRun(SCENES.sequential.code, options, true)),
			points: ["The notebook's commented-out variant.", 'Each join waits before the next start: n sleeps in a row.'],
			view: scene('sequential'),
		},
		{
			id: 'unsafe',
			title: 'a shared counter without a lock',
			code: RACE_CODE.unsafe,
			points: ['count += 1 is read, add, write.', 'Two threads that read the same value both write the same result: an update is lost.'],
			view: lock('unsafe'),
		},
		{
			id: 'mutex',
			title: 'with a lock',
			code: RACE_CODE.mutex,
			points: ['One thread at a time inside the lock: exact.', 'The others wait; the work is now done one by one.'],
			view: lock('mutex'),
		},
		{
			id: 'atomic',
			title: 'with an atomic add',
			code: RACE_CODE.atomic,
			points: ['The hardware does read-add-write as one step.', 'Exact, and no thread waits for another.'],
			view: lock('atomic'),
		},
		interleavingsSlide(),
		{
			id: 'deadlock',
			title: 'a deadlock',
			code: DEADLOCK_SLIDE,
			points: [
				'thread_0 holds lock_a and waits for lock_b; thread_1 holds lock_b and waits for lock_a: neither moves, ever.',
				'The fix: every thread takes the locks in one order (lock_a first).',
				'`threadlab deadlock` makes it happen on real threads and draws the wait-for cycle.',
			],
		},
		{id: 'summary', title: 'what we measured', code: [], points: [], summary: true},
	];
}

/**
 * After the races: how likely a lost update is and how bad it can get, counted for the
 * scene's default 2 threads × 3 increments (a millisecond), stated as figures, not a run.
 */
function interleavingsSlide(): Slide {
	const shape = {threads: INTERLEAVINGS_DEFAULTS.threads, increments: INTERLEAVINGS_DEFAULTS.increments, mode: 'unsafe' as const};
	const count = countInterleavings(shape);
	const exact = shape.threads * shape.increments;
	const exactCount = count.byFinal.get(exact) ?? 0n;
	return {
		id: 'interleavings',
		title: 'every interleaving',
		code: INTERLEAVINGS.code,
		points: [
			`${shape.threads} threads × ${shape.increments} increments can interleave in ${groupedBig(count.schedules)} ways; only ${groupedBig(exactCount)} (${percent(exactCount, count.schedules)}) end at ${exact}.`,
			`The smallest reachable count is ${count.minFinal}, not ${shape.increments}: one thread can erase nearly all the other's work.`,
			'threadlab interleavings counts every schedule and steps through any one.',
		],
	};
}

/** `slide 3/10: hello`: the tour's marker, the headless tour's heading and a recording's chapter. */
export const slideLabel = (slides: readonly Slide[], index: number) => `slide ${index + 1}/${slides.length}: ${slides[index]?.title ?? ''}`;

/**
 * The talk, in the notebook's order: one slide per lesson, each with the
 * notebook's Python (at most 12 lines, narrow enough for 80 columns beside
 * nothing), one to three talking points, and the scene that runs under it.
 */
import {CPU_JOB_CODE, type GilOptions} from './gil.js';
import {SCENES, type RaceOptions, type SceneOptions} from './index.js';
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

const SLEEPER = [
	'def sleeper(n_time):',
	'    name = threading.current_thread().name',
	"    print('I am {}. Going to sleep'.format(name))",
	'    time.sleep(n_time)',
	"    print('{} has woken up'.format(name))",
];

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
			code: SCENES.start.code,
			points: ['start() only asks for the thread to run.', 'The main thread carries on while thread1 sleeps.'],
			view: scene('start'),
		},
		{
			id: 'hello',
			title: 'concurrency: hello before the wake',
			code: SCENES.hello.code.slice(1),
			points: ['The main thread does not wait for thread2.', '"hello" is printed before the wake-up line.'],
			view: scene('hello'),
		},
		{
			id: 'join',
			title: 'join() blocks: hello after the wake',
			code: SCENES.join.code.slice(1),
			points: ['join() blocks the main thread until thread3 ends.', 'Now "hello" comes after the wake-up line.'],
			view: scene('join'),
		},
		{
			id: 'sleepers',
			title: 'five sleepers at once',
			code: [
				'threads = []',
				'for i in range(n_threads):',
				"    name = 'thread_{}'.format(i)",
				'    thread = threading.Thread(',
				'        target=sleeper, name=name,',
				'        args=(n_time,))',
				'    threads.append(thread)',
				'    thread.start()',
				'',
				'for thread in threads:',
				'    thread.join()',
			],
			points: ['All threads are started, then all are joined.', 'They sleep at the same time: elapsed is one sleep, not n.'],
			view: scene('sleepers'),
		},
		{
			id: 'sequential',
			title: 'start and join in one loop',
			code: [
				'for i in range(n_threads):',
				"    name = 'thread_{}'.format(i)",
				'    thread = threading.Thread(',
				'        target=sleeper, name=name,',
				'        args=(n_time,))',
				'    thread.start()',
				'    thread.join()',
			],
			points: ["The notebook's commented-out variant.", 'Each join waits before the next start: n sleeps in a row.'],
			view: scene('sequential'),
		},
		{
			id: 'unsafe',
			title: 'a shared counter without a lock',
			code: [
				'def increment():',
				'    global count',
				'    value = count      # read',
				'    time.sleep(work)   # I/O',
				'    count = value + 1  # write',
			],
			points: ['count += 1 is read, add, write.', 'Two threads that read the same value both write the same result: an update is lost.'],
			view: lock('unsafe'),
		},
		{
			id: 'mutex',
			title: 'with a lock',
			code: [
				'lock = threading.Lock()',
				'def increment():',
				'    global count',
				'    with lock:',
				'        value = count',
				'        time.sleep(work)',
				'        count = value + 1',
			],
			points: ['One thread at a time inside the lock: exact.', 'The others wait; the work is now done one by one.'],
			view: lock('mutex'),
		},
		{
			id: 'atomic',
			title: 'with an atomic add',
			code: ['# one indivisible instruction', '# (no pure-Python equivalent)', 'time.sleep(work)', 'Atomics.add(counter, 0, 1)'],
			points: ['The hardware does read-add-write as one step.', 'Exact, and no thread waits for another.'],
			view: lock('atomic'),
		},
		{id: 'summary', title: 'what we measured', code: [], points: [], summary: true},
	];
}

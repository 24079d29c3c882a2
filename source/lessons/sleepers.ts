import {type Scene, sleeper, threadNames} from './types.js';

export const sleepers: Scene = {
	name: 'sleepers',
	title: 'many threads at once',
	lesson: 'All threads sleep at once: the elapsed time is one sleep, not n of them.',
	code: [
		'threads = []',
		'for i in range(n_threads):',
		"    name = 'thread_{}'.format(i)",
		'    thread = threading.Thread(target=sleeper, name=name, args=(n_time,))',
		'    threads.append(thread)',
		'    thread.start()',
		'',
		'for thread in threads:',
		'    thread.join()',
	],
	manyThreads: true,
	program: ({threads, sleep}) => ({
		scene: 'sleepers',
		threads: threadNames(threads).map((name) => sleeper(name, sleep)),
		*main(lab) {
			const handles = Array.from({length: threads}, (_, i) => lab.thread(i));
			for (const thread of handles) thread.start();
			for (const thread of handles) yield thread.join();
		},
	}),
};

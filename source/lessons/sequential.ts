import {type Scene, sleeper, threadNames} from './types.js';

export const sequential: Scene = {
	name: 'sequential',
	title: 'start and join in one loop',
	lesson: 'Each thread is joined before the next starts: n sleeps in a row.',
	code: [
		'for i in range(n_threads):',
		"    name = 'thread_{}'.format(i)",
		'    thread = threading.Thread(target=sleeper, name=name, args=(n_time,))',
		'    thread.start()',
		'    thread.join()',
	],
	manyThreads: true,
	program: ({threads, sleep}) => ({
		scene: 'sequential',
		threads: threadNames(threads).map((name) => sleeper(name, sleep)),
		*main(lab) {
			for (let i = 0; i < threads; i++) {
				const thread = lab.thread(i);
				thread.start();
				yield thread.join();
			}
		},
	}),
};

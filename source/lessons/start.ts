import {type Scene, sleeper} from './types.js';

export const start: Scene = {
	name: 'start',
	title: 'start one thread',
	lesson: 'thread.start() returns at once: the main thread carries on while thread1 sleeps.',
	code: ['n_time = 2', "thread = threading.Thread(target=sleeper, name='thread1', args=(n_time,))", 'thread.start()'],
	manyThreads: false,
	program: ({sleep}) => ({
		scene: 'start',
		threads: [sleeper('thread1', sleep)],
		*main(lab) {
			lab.thread(0).start();
		},
	}),
};

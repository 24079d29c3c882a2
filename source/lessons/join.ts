import {type Scene, sleeper} from './types.js';

export const join: Scene = {
	name: 'join',
	title: 'join blocks',
	lesson: 'thread.join() blocks the main thread: "hello" is printed after thread3 wakes up.',
	code: [
		'# hello is printed "after" the wake up message from the function',
		"thread = threading.Thread(target=sleeper, name='thread3', args=(n_time,))",
		'thread.start()',
		'thread.join()',
		'',
		'print()',
		"print('hello')",
	],
	manyThreads: false,
	program: ({sleep}) => ({
		scene: 'join',
		threads: [sleeper('thread3', sleep)],
		*main(lab) {
			const thread = lab.thread(0);
			thread.start();
			yield thread.join();
			lab.print('hello');
		},
	}),
};

import {type Scene, sleeper} from './types.js';

export const hello: Scene = {
	name: 'hello',
	title: 'concurrency',
	lesson: 'The main thread does not wait: "hello" is printed before thread2 wakes up.',
	code: [
		'# hello is printed "before" the wake up message from the function',
		"thread = threading.Thread(target=sleeper, name='thread2', args=(n_time,))",
		'thread.start()',
		'',
		'print()',
		"print('hello')",
	],
	manyThreads: false,
	program: ({sleep}) => ({
		scene: 'hello',
		threads: [sleeper('thread2', sleep)],
		*main(lab) {
			lab.thread(0).start();
			lab.print('hello');
		},
	}),
};

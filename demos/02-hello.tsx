// Concurrency: the main thread prints "hello" before thread2 wakes up.
//   thread.start()
//   print('hello')
import {type Scene, show, sleeper} from 'threadlab';

const hello: Scene = {
	name: 'hello',
	title: 'concurrency',
	lesson: 'The main thread does not wait: "hello" is printed before thread2 wakes up.',
	code: ['thread.start()', "print('hello')"],
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

process.exitCode = await show({scene: hello, sleep: 2});

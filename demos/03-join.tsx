// join() blocks: "hello" is printed after thread3 wakes up.
// Where Python blocks, a scene's main program yields the join.
//   thread.start()
//   thread.join()
//   print('hello')
import {type Scene, show, sleeper} from 'threadlab';

const join: Scene = {
	name: 'join',
	title: 'join blocks',
	lesson: 'thread.join() blocks the main thread: "hello" is printed after thread3 wakes up.',
	code: ['thread.start()', 'thread.join()', "print('hello')"],
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

process.exitCode = await show({scene: join, sleep: 2});

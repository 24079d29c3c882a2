// The notebook's first cell: start one thread; start() returns at once.
//   thread = threading.Thread(target=sleeper, name='thread1', args=(n_time,))
//   thread.start()
import {type Scene, show, sleeper} from 'threadlab';

const start: Scene = {
	name: 'start',
	title: 'start one thread',
	lesson: 'thread.start() returns at once: the main thread carries on while thread1 sleeps.',
	code: ["thread = threading.Thread(target=sleeper, name='thread1', args=(n_time,))", 'thread.start()'],
	manyThreads: false,
	program: ({sleep}) => ({
		scene: 'start',
		threads: [sleeper('thread1', sleep)], // a real worker thread that blocks in Atomics.wait
		*main(lab) {
			lab.thread(0).start();
		},
	}),
};

process.exitCode = await show({scene: start, sleep: 2});

// Five sleepers: all started, then all joined. Elapsed ≈ one sleep, not five.
import {type Scene, show, sleeper, threadNames} from 'threadlab';

const sleepers: Scene = {
	name: 'sleepers',
	title: 'many threads at once',
	lesson: 'All threads sleep at once: the elapsed time is one sleep, not n of them.',
	code: ['for thread in threads: thread.start()', 'for thread in threads: thread.join()'],
	manyThreads: true,
	program: ({threads, sleep}) => ({
		scene: 'sleepers',
		threads: threadNames(threads).map((name) => sleeper(name, sleep)),
		*main(lab) {
			const all = threadNames(threads).map((_, i) => lab.thread(i));
			for (const thread of all) thread.start();
			for (const thread of all) yield thread.join();
		},
	}),
};

process.exitCode = await show({scene: sleepers, threads: 5, sleep: 2});

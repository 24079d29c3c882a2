// The notebook's commented-out variant: start and join inside one loop.
// Elapsed ≈ n sleeps: each join waits before the next thread starts.
import {type Scene, show, sleeper, threadNames} from 'threadlab';

const sequential: Scene = {
	name: 'sequential',
	title: 'start and join in one loop',
	lesson: 'Joining each thread before starting the next runs them one by one.',
	code: ['for thread in threads:', '    thread.start()', '    thread.join()'],
	manyThreads: true,
	program: ({threads, sleep}) => ({
		scene: 'sequential',
		threads: threadNames(threads).map((name) => sleeper(name, sleep)),
		*main(lab) {
			for (let i = 0; i < threads; i++) {
				lab.thread(i).start();
				yield lab.thread(i).join();
			}
		},
	}),
};

process.exitCode = await show({scene: sequential, threads: 3, sleep: 1});

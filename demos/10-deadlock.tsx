// After the locks: two real threads take two locks in opposite orders and stop forever.
// The engine is public too: deadlockProgram + RealRun run it, findCycle reads who waits on whom.
import {DEADLOCK_DEFAULTS, RealRun, WorkerPool, cycleLine, deadlockProgram, findCycle, show} from 'threadlab';

if (process.stdout.isTTY) {
	process.exitCode = await show({scene: 'deadlock'});
} else {
	const pool = new WorkerPool();
	const run = await RealRun.prepare(pool, deadlockProgram('opposite', DEADLOCK_DEFAULTS));
	const finished = run.run();
	// A deadlock never ends: look at the wait-for graph until it has a cycle, then stop the threads.
	for (let tries = 0; tries < 100; tries++) {
		await new Promise((resolve) => setTimeout(resolve, 20));
		const sample = run.sample();
		const cycle = findCycle(sample.deadlock!);
		if (cycle) {
			console.log(
				`deadlock: ${cycleLine(
					cycle,
					sample.threads.map((t) => t.name),
				)}`,
			);
			break;
		}
	}
	await run.abort();
	await finished;
	await pool.terminate();
}

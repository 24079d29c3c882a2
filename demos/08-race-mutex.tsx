// The Locks section, mutex: four real threads increment one shared counter.
// The engine is public too: raceProgram + RealRun run it without any UI.
import {RACE_DEFAULTS, RealRun, WorkerPool, raceProgram, raceResult, show} from 'threadlab';

if (process.stdout.isTTY) {
	process.exitCode = await show({scene: 'race', mode: 'mutex'});
} else {
	const pool = new WorkerPool();
	const run = await RealRun.prepare(pool, raceProgram('mutex', RACE_DEFAULTS));
	const result = raceResult(await run.run())!;
	console.log(`mutex: expected ${result.expected}, actual ${result.actual}, lost ${result.lost}`);
	await pool.terminate();
}

// The Locks section, unsafe: four real threads increment one shared counter.
// The engine is public too: raceProgram + RealRun run it without any UI.
import {RACE_DEFAULTS, RealRun, WorkerPool, raceProgram, raceResult, show} from 'threadlab';

if (process.stdout.isTTY) {
	process.exitCode = await show({scene: 'race', mode: 'unsafe'});
} else {
	const pool = new WorkerPool();
	const run = await RealRun.prepare(pool, raceProgram('unsafe', RACE_DEFAULTS));
	const result = raceResult(await run.run())!;
	console.log(`unsafe: expected ${result.expected}, actual ${result.actual}, lost ${result.lost}`);
	await pool.terminate();
}

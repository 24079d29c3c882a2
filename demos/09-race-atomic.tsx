// The Locks section, atomic: four real threads increment one shared counter.
// The engine is public too: raceProgram + RealRun run it without any UI.
import {RACE_DEFAULTS, RealRun, WorkerPool, raceProgram, raceResult, show} from 'threadlab';

if (process.stdout.isTTY) {
	process.exitCode = await show({scene: 'race', mode: 'atomic'});
} else {
	const pool = new WorkerPool();
	const run = await RealRun.prepare(pool, raceProgram('atomic', RACE_DEFAULTS));
	const result = raceResult(await run.run())!;
	console.log(`atomic: expected ${result.expected}, actual ${result.actual}, lost ${result.lost}`);
	await pool.terminate();
}

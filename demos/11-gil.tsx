// The notebook's opening: the GIL. The same CPU job on 4 real threads without a lock, under a GIL,
// sleeping under it, and on CPython's own threads. Piped, it runs the lanes through the engine.
import {GIL_DEFAULTS, WorkerPool, gilPrograms, gilResult, prepareRun, show, toSnapshot} from 'threadlab';

if (process.stdout.isTTY) {
	process.exitCode = await show({scene: 'gil', cpu: 300});
} else {
	const pool = new WorkerPool();
	const samples = [];
	for (const program of gilPrograms({...GIL_DEFAULTS, cpuMs: 300, simulated: false})) {
		samples.push(await (await prepareRun(pool, program)).run());
	}
	const result = gilResult(samples.map(toSnapshot));
	for (const lane of result.lanes) console.log(`${lane.name}: ${lane.status === 'done' ? `${lane.speedup.toFixed(2)}×` : lane.note}`);
	console.log(result.summary?.full);
	await pool.terminate();
}

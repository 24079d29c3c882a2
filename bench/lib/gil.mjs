// The gil scene's lanes for bench/bench.mjs, on the library (dist/index.js): each lane's speed-up,
// the CPU job alone on one thread, the GIL's hand-overs, and how busy the rest of the machine was.
import {readFileSync} from 'node:fs';
import {Worker} from 'node:worker_threads';

/** A thread running the CPU job's loop for 200 ms of its own CPU time: how fast, in ns an iteration. */
const PROBE = new URL('./core-probe.cjs', import.meta.url);

/** Two threads at once, one a core: their speeds in ns an iteration, slower first. A virtual machine's two cores may differ. */
export async function twoCores() {
	const probe = () =>
		new Promise((resolve, reject) => {
			const worker = new Worker(PROBE);
			worker.once('message', (message) => {
				void worker.terminate();
				resolve(message.ns);
			});
			worker.once('error', reject);
		});
	return (await Promise.all([probe(), probe()])).sort((a, b) => b - a);
}

/** ms of CPU the whole machine spent since boot (/proc/stat, 100 ticks a second), or null. */
function machineBusyMs() {
	try {
		const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
			.split('\n')[0]
			.trim()
			.split(/\s+/)
			.map(Number);
		return (user + nice + system + irq + softirq + steal) * 10;
	} catch {
		return null;
	}
}

/**
 * Run one program: its sample, the CPU this process (every thread) took meanwhile, and the cores
 * other processes kept busy (the whole machine less this process and the Python lane's child).
 */
async function timed(lib, pool, program) {
	const machine = machineBusyMs();
	const own = process.cpuUsage();
	const started = performance.now();
	const sample = await (await lib.prepareRun(pool, program)).run();
	const wall = performance.now() - started;
	const after = machineBusyMs();
	const {user, system} = process.cpuUsage(own);
	const cpuMs = (user + system) / 1000;
	const mine = cpuMs + (sample.gil?.pythonCpuMs ?? 0);
	const others = machine === null || after === null ? null : Math.max(0, (after - machine - mine) / wall);
	return {sample, others, cpuMs};
}

/**
 * `runs` times: the scene's lanes one after another (calibration, no lock, under a GIL, sleeping
 * under it, CPython), then the CPU job alone on one thread with the same calibration: what the
 * GIL lane's work costs without hand-overs.
 */
export async function benchGil(lib, {runs, threads, cpuMs, sleep}) {
	const pool = new lib.WorkerPool();
	await pool.warm(threads);
	const out = [];
	try {
		for (let i = 0; i < runs; i++) {
			const programs = lib.gilPrograms({threads, cpuMs, sleep, python: 'python3', simulated: false});
			const cores = await twoCores();
			const samples = [];
			const others = {};
			const cpu = {};
			for (const program of programs) {
				const measured = await timed(lib, pool, program);
				samples.push(measured.sample);
				others[program.gil.lane] = measured.others;
				cpu[program.gil.lane] = measured.cpuMs;
			}
			const lane1 = programs.find((program) => program.gil.lane === 'cpu');
			// The same job (same calibration), one thread, nothing else running.
			const single = {
				...lane1,
				threads: lane1.threads.slice(0, 1),
				*main(lab) {
					lab.thread(0).start();
					yield lab.thread(0).join();
				},
			};
			const alone = await timed(lib, pool, single);
			const result = lib.gilResult(samples.map(lib.toSnapshot));
			if (result.failed > 0) throw new Error(`gil: ${result.failed} threads failed`);
			out.push({result, aloneMs: alone.sample.clockMs, others: {...others, alone: alone.others}, cpu: {...cpu, alone: alone.cpuMs}, cores});
		}
	} finally {
		await pool.terminate();
	}
	return out;
}

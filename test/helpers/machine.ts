/**
 * How busy the rest of the machine was while something ran: the CPU time every process took
 * (/proc/stat) less this process's own (process.cpuUsage, every thread), over the wall time.
 * Speed-ups that need free cores are judged only when the others left them free.
 */
import {readFileSync} from 'node:fs';

/** ms of CPU spent on the whole machine since boot (Linux); undefined elsewhere. */
function machineBusyMs(): number | undefined {
	try {
		const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
			.split('\n')[0]!
			.trim()
			.split(/\s+/)
			.map(Number);
		// /proc/stat counts in USER_HZ ticks, 100 a second on Linux.
		return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) * 10;
	} catch {
		return undefined;
	}
}

/** Run `task`; also says how many cores other processes kept busy meanwhile, on average (0 where it cannot be known). */
export async function besideOthers<T>(task: () => Promise<T>): Promise<{value: T; othersCores: number}> {
	const machine = machineBusyMs();
	const own = process.cpuUsage();
	const started = performance.now();
	const value = await task();
	const wall = performance.now() - started;
	const after = machineBusyMs();
	const ownMs = (() => {
		const {user, system} = process.cpuUsage(own);
		return (user + system) / 1000;
	})();
	if (machine === undefined || after === undefined || wall <= 0) return {value, othersCores: 0};
	return {value, othersCores: Math.max(0, (after - machine - ownMs) / wall)};
}

/** A worker that runs the CPU job's loop for 200 ms of its CPU time and says how fast it went, in ns per iteration. */
const PROBE = new URL('../../bench/lib/core-probe.cjs', import.meta.url);

/**
 * How fast each of two threads running at once computes (ns per iteration of the CPU job's loop,
 * per ms of its own CPU time): on two free, equal cores, the same. A virtual machine's cores can
 * differ (a busy host): lane 1's speed-up is then not the cores' count.
 */
export async function twoCores(): Promise<number[]> {
	const {Worker} = await import('node:worker_threads');
	const probe = async () =>
		new Promise<number>((resolve, reject) => {
			const worker = new Worker(PROBE);
			worker.once('message', (message: {ns: number}) => {
				void worker.terminate();
				resolve(message.ns);
			});
			worker.once('error', reject);
		});
	return Promise.all([probe(), probe()]);
}

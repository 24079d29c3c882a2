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

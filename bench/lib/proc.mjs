// Statistics and /proc readers for bench/bench.mjs.
import {readFileSync, readdirSync} from 'node:fs';

// ---------------------------------------------------------------------------------
// statistics

const sorted = (values) => [...values].sort((a, b) => a - b);
export function quantile(values, q) {
	const s = sorted(values);
	if (s.length === 0) return null;
	const index = (s.length - 1) * q;
	const low = Math.floor(index);
	const high = Math.ceil(index);
	return s[low] + (s[high] - s[low]) * (index - low);
}
export const median = (values) => quantile(values, 0.5);
export const stats = (values) => {
	const clean = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
	return clean.length === 0
		? {min: null, median: null, max: null, runs: []}
		: {min: Math.min(...clean), median: median(clean), max: Math.max(...clean), runs: clean};
};

// ---------------------------------------------------------------------------------
// /proc

export function readProc(path) {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return null;
	}
}

/** CPU time of every live thread of `pid`, in ns (schedstat), and of its main thread. */
export function cpuNs(pid) {
	let total = 0;
	let main = 0;
	let tasks;
	try {
		tasks = readdirSync(`/proc/${pid}/task`);
	} catch {
		return null;
	}
	for (const tid of tasks) {
		const text = readProc(`/proc/${pid}/task/${tid}/schedstat`);
		if (text === null) continue;
		const ns = Number(text.split(' ')[0]);
		total += ns;
		if (tid === String(pid)) main = ns;
	}
	return {total, main, tasks: tasks.length};
}

/** VmRSS and VmHWM in MB. */
export function rssMb(pid) {
	const status = readProc(`/proc/${pid}/status`);
	if (status === null) return null;
	const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
	return {rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024};
}

export function childPids(pid) {
	const out = [];
	let tasks = [];
	try {
		tasks = readdirSync(`/proc/${pid}/task`);
	} catch {
		return out;
	}
	for (const tid of tasks) {
		const text = readProc(`/proc/${pid}/task/${tid}/children`);
		if (text) out.push(...text.trim().split(/\s+/).filter(Boolean).map(Number));
	}
	return out;
}

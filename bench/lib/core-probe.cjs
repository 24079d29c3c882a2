// A worker that runs the gil scene's CPU loop (source/engine/cpu-job.ts's spin) for 200 ms of its
// own CPU time and posts how fast it went, in ns an iteration: the bench (bench/lib/gil.mjs) and
// the gil test (test/helpers/machine.ts) probe the cores with it.
const {parentPort} = require('node:worker_threads');
const {readFileSync} = require('node:fs');
const cpu = () => Number(readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ')[0]) / 1e6;
function spin(from, count, total) {
	let sum = total | 0;
	const start = from | 0;
	for (let k = 0; k < count; k++) {
		const i = (start + k) | 0;
		sum = (sum + ((Math.imul(i, i) >>> 0) % 7)) | 0;
	}
	return sum;
}
let t = spin(0, 5e6, 0);
const c0 = cpu();
let n = 0;
while (cpu() - c0 < 200) {
	t = spin(n, 1e6, t);
	n += 1e6;
}
parentPort.postMessage({ns: ((cpu() - c0) * 1e6) / n, t});

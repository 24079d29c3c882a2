// The main thread's memory every second, for bench/RESULTS.md goal 3:
//   node --require ./bench/memory/heap-probe.cjs dist/cli.js sleepers -t 256 -s 600
// appends JSON lines to $TMPDIR/threadlab-heap-<pid>.jsonl. Workers inherit --require: they only load node:worker_threads.
const {isMainThread} = require('node:worker_threads');

if (isMainThread) {
	const {appendFileSync} = require('node:fs');
	const {tmpdir} = require('node:os');
	const v8 = require('node:v8');
	const file = `${tmpdir()}/threadlab-heap-${process.pid}.jsonl`;
	const mb = (bytes) => Math.round(bytes / 104857.6) / 10;
	const t0 = Date.now();
	setInterval(() => {
		const {rss, heapTotal, heapUsed} = process.memoryUsage();
		const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, mb(s.space_used_size)]));
		const line = {
			s: (Date.now() - t0) / 1000,
			rss: mb(rss),
			heapTotal: mb(heapTotal),
			heapUsed: mb(heapUsed),
			old: spaces.old_space,
			young: spaces.new_space,
		};
		appendFileSync(file, `${JSON.stringify(line)}\n`);
	}, 1000).unref();
}

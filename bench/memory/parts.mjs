// What a thread costs, part by part (bench/RESULTS.md, goal 3): n workers started at once with
// the pool's resourceLimits, VmRSS per worker after one worker already runs. No screen.
//   node bench/memory/parts.mjs <mode> [n=255] [ms=1500]
//   empty        new Worker(code, {eval: true}) that waits for a message (the bench's floor)
//   file         dist/worker.cjs loaded from its file, idle
//   eval         dist/worker.cjs's text evaluated, idle (as the pool starts it)
//   engine       WorkerPool + RealRun from dist/index.js: n sleepers, started and sleeping
// Prints one JSON line: MB of VmRSS per worker, and the main thread's V8 heap before and after.
import {readFileSync} from 'node:fs';
import v8 from 'node:v8';
import {Worker} from 'node:worker_threads';

const ROOT = new URL('../../', import.meta.url);
const [mode = 'empty', nArg = '255', msArg = '1500'] = process.argv.slice(2);
const n = Number(nArg);
const resourceLimits = {maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 8, stackSizeMb: 1};
const options = {stdout: true, stderr: true, resourceLimits};
const script = new URL('dist/worker.cjs', ROOT);
const EMPTY = "const p = require('node:worker_threads').parentPort; p.once('message', () => {}); p.postMessage({type: 'ready'});";
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;
const heap = () => Math.round(v8.getHeapStatistics().total_heap_size / 1024 / 102.4) / 10;

function start() {
	const worker =
		mode === 'file'
			? new Worker(script, options)
			: new Worker(mode === 'eval' ? readFileSync(script, 'utf8') : EMPTY, {...options, eval: true});
	worker.stdout.resume();
	worker.stderr.resume();
	return new Promise((resolve) => worker.once('message', () => resolve(worker)));
}

async function sleepers(pool, k) {
	const {RealRun, sleeper, threadNames} = await import(new URL('dist/index.js', ROOT).href);
	const run = await RealRun.prepare(pool, {
		scene: 'sleepers',
		threads: threadNames(k).map((name) => sleeper(name, 600)),
		*main(lab) {
			const handles = Array.from({length: k}, (_, i) => lab.thread(i));
			for (const handle of handles) handle.start();
			for (const handle of handles) yield handle.join();
		},
	});
	void run.run();
}

let before;
let heapBefore;
if (mode === 'engine') {
	const {WorkerPool} = await import(new URL('dist/index.js', ROOT).href);
	const pool = new WorkerPool();
	await sleepers(pool, 1);
	await sleep(500);
	[before, heapBefore] = [rss(), heap()];
	await sleepers(pool, n);
} else if (['empty', 'file', 'eval'].includes(mode)) {
	await start();
	await sleep(500);
	[before, heapBefore] = [rss(), heap()];
	await Promise.all(Array.from({length: n}, start));
} else {
	process.stderr.write('modes: empty, file, eval, engine\n');
	process.exit(2);
}
await sleep(Number(msArg));
const perWorkerMb = Math.round(((rss() - before) / n) * 1000) / 1000;
process.stdout.write(`${JSON.stringify({node: process.versions.node, mode, n, perWorkerMb, mainHeapMb: [heapBefore, heap()]})}\n`);
process.exit(0);

// Python's side of the comparison, and an empty Node worker, for bench/bench.mjs: each runs in a child process.
import {spawnSync} from 'node:child_process';

const NODE = process.execPath;

export const PY_SLEEPERS = String.raw`
import threading, time, json, sys
n_threads, n_time = int(sys.argv[1]), float(sys.argv[2])
starts, wakes = {}, {}
def sleeper(n_time, name):
    starts[name] = time.perf_counter()
    # print('I am {}. Going to sleep for {} seconds'.format(name, n_time))
    time.sleep(n_time)
    wakes[name] = time.perf_counter()
    # print('{} has woken up from sleep'.format(name))
t0 = time.perf_counter()
threads = []
for i in range(n_threads):
    name = 'thread_{}'.format(i)
    thread = threading.Thread(target=sleeper, name=name, args=(n_time, name))
    threads.append(thread)
    thread.start()
for thread in threads:
    thread.join()
elapsed = time.perf_counter() - t0
print(json.dumps({'elapsedMs': elapsed * 1000, 'wakeErrorMs': [(wakes[k] - starts[k] - n_time) * 1000 for k in sorted(starts)]}))
`;

export const PY_COUNTER = String.raw`
import threading, time, json, sys
n_threads, n, mode = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
count = 0
lock = threading.Lock()
def unsafe():
    global count
    for _ in range(n):
        value = count
        count = value + 1
def locked():
    global count
    for _ in range(n):
        with lock:
            value = count
            count = value + 1
threads = [threading.Thread(target=unsafe if mode == 'unsafe' else locked) for _ in range(n_threads)]
t0 = time.perf_counter()
for t in threads: t.start()
for t in threads: t.join()
elapsed = time.perf_counter() - t0
print(json.dumps({'opsPerSec': n_threads * n / elapsed, 'lost': n_threads * n - count, 'elapsedMs': elapsed * 1000}))
`;

/**
 * What one Node worker costs with no threadlab code in it: n workers that only wait for a
 * message, with the pool's resourceLimits, in a plain node, started all at once as the pool
 * starts them (started one after another, each costs ~1 MB less on Node 20: the comparison
 * must start them alike). MB of VmRSS per worker, after one worker already runs.
 */
export const EMPTY_WORKERS = String.raw`
const {Worker} = require('node:worker_threads');
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(require('node:fs').readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;
const n = Number(process.argv[1]);
const options = {eval: true, stdout: true, stderr: true, resourceLimits: {maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 8, stackSizeMb: 1}};
const code = "require('node:worker_threads').parentPort.once('message', () => {})";
const start = () => new Promise((resolve) => { const w = new Worker(code, options); w.stdout.resume(); w.stderr.resume(); w.once('online', () => resolve(w)); });
(async () => {
	await start();
	await new Promise((r) => setTimeout(r, 500));
	const before = rss();
	await Promise.all(Array.from({length: n}, start));
	await new Promise((r) => setTimeout(r, 1500));
	process.stdout.write(String((rss() - before) / n));
	process.exit(0);
})();
`;

export function emptyWorkerMb(n) {
	const result = spawnSync(NODE, ['-e', EMPTY_WORKERS, String(n)], {encoding: 'utf8', timeout: 120_000});
	return result.status === 0 ? Number(result.stdout) : null;
}

export function python(code, args) {
	const result = spawnSync('python3', ['-c', code, ...args.map(String)], {encoding: 'utf8', timeout: 120_000});
	if (result.status !== 0) throw new Error(`python3 failed: ${result.stderr}`);
	return JSON.parse(result.stdout);
}

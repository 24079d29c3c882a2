// `npm run test:nodes` (run by .ci/run after `npm test`): the tests that say most about the
// Node underneath, on every other Node users run. `npm test` runs the whole suite on this
// machine's Node; this fetches the newest Node 22, 24 and 26 (scripts/node-fetch.mjs), puts
// each first on PATH and runs the focused subset below on it with the dist/ `npm test` built,
// as the package ships it. Then test/node-frames.test.ts compares every scene's seeded frames
// from the built CLI on every Node that ran, byte for byte.
//   node scripts/node-matrix.mjs [--nodes 22,24,26]
// A Node that cannot be had (registry out of reach, nothing cached) is skipped with one line;
// a failing test fails the run. The last line says which Nodes ran and passed.
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {fetchNode} from './node-fetch.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The end-to-end CLI tests (piped, JSON, errors, a real terminal), the frames snapshots, the race on real threads. */
export const SUBSET = [
	'test/cli.test.ts',
	'test/cli-errors.test.ts',
	'test/cli-race.test.ts',
	'test/json.test.ts',
	'test/frames.test.ts',
	'test/engine/race.test.ts',
	'test/engine/mutex.test.ts',
	'test/e2e/terminal.test.ts',
	'test/e2e/tour.test.ts',
];

const usage = (line) => {
	console.error(`node-matrix: ${line}`);
	process.exit(2);
};
let values;
try {
	({values} = parseArgs({options: {nodes: {type: 'string', default: '22,24,26'}}}));
} catch (error) {
	usage(`${error.message.split('\n')[0]}; the one option is --nodes 22,24,26`);
}
const majors = values.nodes.split(',').map((major) => major.trim());
if (majors.some((major) => !/^\d+$/.test(major))) usage(`--nodes must be a comma-separated list of major versions (got ${values.nodes})`);
const say = (line) => console.log(`node matrix: ${line}`);
const seconds = (ms) => `${Math.round(ms / 1000)} s`;

/** Run `bin` with args in the project, output passed through; resolves to the exit code. */
function run(bin, args, env) {
	return new Promise((resolve) => {
		const child = spawn(bin, args, {cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: {...process.env, ...env}});
		child.on('error', () => resolve(127));
		child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
	});
}
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');

if (!existsSync(join(root, 'dist', 'cli.js'))) {
	say('no dist/: building it with this Node first');
	if ((await run(process.execPath, ['scripts/build.mjs'])) !== 0) process.exit(1);
}

const started = performance.now();
const fetched = await Promise.all(majors.map(async (major) => ({major, ...(await fetchNode(major))})));
say(`fetched in ${seconds(performance.now() - started)}`);
const ran = [];
for (const node of fetched) {
	if (node.skip) {
		say(`skipped ${node.skip}`);
		continue;
	}
	say(`Node ${node.version} (${node.source}): ${SUBSET.length} test files`);
	const t0 = performance.now();
	const code = await run(node.bin, [vitest, 'run', ...SUBSET], {PATH: `${dirname(node.bin)}:${process.env.PATH ?? ''}`});
	ran.push({...node, passed: code === 0, ms: performance.now() - t0});
	say(`Node ${node.version} ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds(performance.now() - t0)}`);
}

// The frames on every Node that ran against this one's: one run, so a difference names its Node.
let framesOk = true;
if (ran.length > 0) {
	const list = ran.map((node) => `${node.version}=${node.bin}`).join(',');
	framesOk = (await run(process.execPath, [vitest, 'run', 'test/node-frames.test.ts'], {THREADLAB_NODES: list})) === 0;
	const all = [process.versions.node, ...ran.map((node) => node.version)].join(', ');
	say(framesOk ? `seeded frames byte-identical on Node ${all}` : `seeded frames DIFFER between Nodes ${all} (see above)`);
}

const failed = ran.filter((node) => !node.passed);
const skipped = fetched.filter((node) => node.skip).map((node) => node.major);
const summary = [
	`Node ${process.versions.node} (this one) is npm test's`,
	ran.length > 0
		? `ran ${ran.map((node) => `${node.version} (${node.passed ? 'passed' : 'FAILED'}, ${seconds(node.ms)})`).join(', ')}`
		: 'ran no other Node',
	...(skipped.length > 0 ? [`skipped ${skipped.join(', ')}`] : []),
	`${seconds(performance.now() - started)} in all`,
];
say(summary.join(' · '));
process.exit(failed.length > 0 || !framesOk ? 1 : 0);

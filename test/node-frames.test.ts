/**
 * Seeded frames from the built CLI are the same bytes on every Node: this Node's match the
 * committed snapshot (npm test), and every Node the matrix ran (scripts/node-matrix.mjs sets
 * THREADLAB_NODES=version=path,...) prints exactly this Node's bytes.
 */
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import {SCENE_NAMES} from '../source/lessons/index.js';
import {PLAIN_ENV, cli, root} from './helpers/run-node.js';

const exec = promisify(execFile);
const others = (process.env['THREADLAB_NODES'] ?? '')
	.split(',')
	.filter(Boolean)
	.map((entry) => {
		const [version, bin] = entry.split('=') as [string, string];
		return {version, bin};
	});
// The tour has no --frames: it is every other scene in turn.
const scenes = SCENE_NAMES.filter((scene) => scene !== 'tour');

async function frames(node: string, scene: string): Promise<string> {
	const args = [cli, scene, '--seed', '1', '--frames', '0,0.5,2', '--width', '80', '--height', '24'];
	const {stdout, stderr} = await exec(node, args, {cwd: root, env: PLAIN_ENV, maxBuffer: 1 << 20, timeout: 30_000});
	expect(stderr).toBe('');
	return stdout;
}

// The snapshot names stay the same whichever Nodes ran; the list is in the first test's title.
describe('seeded frames (--seed 1 --frames 0,0.5,2) on every Node that ran', () => {
	it(`the Nodes: ${[process.versions.node, ...others.map((node) => node.version)].join(', ')}; the scenes: all but the tour`, async () => {
		for (const node of others) expect((await exec(node.bin, ['--version'])).stdout.trim()).toBe(`v${node.version}`);
		expect(scenes).toEqual(['gil', 'start', 'hello', 'join', 'sleepers', 'sequential', 'race', 'interleavings', 'deadlock', 'dashboard']);
	});

	it.each(scenes)('%s', async (scene) => {
		const here = await frames(process.execPath, scene);
		expect(here.match(/^--- [\d.]+ s ---$/gm)).toEqual(['--- 0 s ---', '--- 0.5 s ---', '--- 2 s ---']);
		expect(here).toMatchSnapshot();
		for (const node of others) expect(await frames(node.bin, scene), `Node ${node.version}`).toBe(here);
	});
});

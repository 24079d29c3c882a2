/**
 * The layering check (biome.json: noRestrictedImports per layer) against probes: a file in each
 * layer that imports from above must fail `biome lint`; the same file importing downward passes.
 * The probes live in a temporary copy of the layout, with this project's biome.json.
 */
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {root} from './helpers/run-node.js';

const project = mkdtempSync(join(tmpdir(), 'threadlab-layers-'));
afterAll(() => rmSync(project, {recursive: true, force: true}));
const config = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8')) as {vcs: object};
writeFileSync(join(project, 'biome.json'), JSON.stringify({...config, vcs: {enabled: false}}));

/** `biome lint` on one probe file at `source/<layer>/probe.ts`; its exit code and what it said. */
function lint(layer: string, source: string): {code: number | null; output: string} {
	const dir = join(project, 'source', layer);
	mkdirSync(dir, {recursive: true});
	writeFileSync(join(dir, 'probe.ts'), source);
	const result = spawnSync(join(root, 'node_modules/.bin/biome'), ['lint', `source/${layer}/probe.ts`], {cwd: project, encoding: 'utf8'});
	return {code: result.status, output: result.stdout + result.stderr};
}

const LAYERS = ['cli', 'output', 'ui', 'lessons', 'engine', 'model'] as const;

describe('imports only go down: cli → output → ui → lessons → engine → model', () => {
	it.each(LAYERS.slice(1).map((layer, index) => [layer, LAYERS[index]!] as const))('source/%s importing from %s/ fails', (layer, above) => {
		const {code, output} = lint(layer, `import {x} from '../${above}/thing.js';\nexport const y = x;\n`);
		expect(code).toBe(1);
		expect(output).toContain(`source/${layer}/ imports only downward`);
	});

	it.each(LAYERS.slice(0, -1).map((layer, index) => [layer, LAYERS[index + 1]!] as const))(
		'source/%s importing from %s/ passes',
		(layer, below) => {
			expect(lint(layer, `import {x} from '../${below}/thing.js';\nexport const y = x;\n`).code).toBe(0);
		},
	);

	it.each(['engine', 'model'])('source/%s has no React', (layer) => {
		expect(lint(layer, "import React from 'react';\nexport const y = React;\n").code).toBe(1);
		expect(lint(layer, "import {Box} from 'ink';\nexport const y = Box;\n").code).toBe(1);
	});

	it('a file two folders down (engine/sim/) is held to its layer too', () => {
		const dir = join(project, 'source', 'engine', 'sim');
		mkdirSync(dir, {recursive: true});
		writeFileSync(join(dir, 'probe.ts'), "import {x} from '../../ui/thing.js';\nexport const y = x;\n");
		const result = spawnSync(join(root, 'node_modules/.bin/biome'), ['lint', 'source/engine/sim/probe.ts'], {
			cwd: project,
			encoding: 'utf8',
		});
		expect(result.status).toBe(1);
	});
});

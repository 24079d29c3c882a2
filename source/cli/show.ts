/**
 * `show()`: run a scene from code, exactly as the command line would, with
 * every exit path handled. Takes a scene by name, or a `Scene` of your own
 * written against the `Lab` API; the demos/ are built on it.
 */
import {launch, launchView} from './launch.js';
import {parseOptions} from './options.js';
import type {Scene, SceneName} from '../lessons/index.js';

export interface ShowOptions {
	scene?: SceneName | Scene;
	threads?: number;
	sleep?: number;
	mode?: 'unsafe' | 'mutex' | 'atomic' | 'all';
	increments?: number;
	work?: number;
	/** interleavings: unsafe races run on real threads beside the count. */
	runs?: number;
	/** gil: each thread's CPU job, ms of one core. */
	cpu?: number;
	seed?: number;
	fps?: number;
	ascii?: boolean;
	color?: boolean;
	theme?: 'default' | 'high-contrast';
	record?: string;
	/** Let `record` replace an existing file. */
	force?: boolean;
	auto?: number;
}

/** Runs until the user quits (or, without a terminal, until the scene is done); resolves to the exit code. */
export async function show(request: ShowOptions = {}): Promise<number> {
	const {scene, ...rest} = request;
	const custom = typeof scene === 'object' ? scene : undefined;
	// Typed values, checked by the command line's rules; messages name them as in code (`threads`).
	const flags: Record<string, unknown> = {...rest};
	if (custom && custom.manyThreads === false) delete flags['threads'];
	const options = parseOptions(custom ? ['sleepers'] : typeof scene === 'string' ? [scene] : [], flags, process.env, 'option');
	if (!custom) return launch(options);
	return launchView(
		{kind: 'scene', scene: custom, options: {threads: options.threads, sleep: options.sleep}},
		{...options, scene: 'sleepers'},
	);
}

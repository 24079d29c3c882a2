/**
 * Where a screen's snapshots come from: real worker threads, or the seeded
 * simulator. Everything drawn comes from snapshots; the data source is the
 * only difference between a live and a seeded run, for the scenes and the tour.
 */
import type React from 'react';
import {useCallback} from 'react';
import {useApp} from 'ink';
import type {WorkerPool} from '../engine/pool.js';
import type {RunProgram} from '../engine/run.js';
import {useMemory} from './hooks/use-memory.js';
import {useRuns} from './hooks/use-runs.js';
import {useSim} from './hooks/use-sim.js';
import {plural} from '../model/format.js';
import type {Snapshot} from '../model/snapshot.js';

export interface Source {
	snapshots: Snapshot[][];
	label: string;
	paused?: boolean;
	togglePause?(): void;
	/** Only a simulated source can step (and so says it is simulated). */
	step?(): void;
}

export type SourceProps = {
	lanes: readonly RunProgram[][];
	runKey: number;
	fps: number;
	frameMs: number;
	children: (source: Source) => React.ReactNode;
};

export function LiveSource({pool, lanes, runKey, fps, frameMs, children}: SourceProps & {pool: WorkerPool}) {
	const {exit} = useApp();
	const onError = useCallback((error: unknown) => exit(error instanceof Error ? error : new Error(String(error))), [exit]);
	const snapshots = useRuns(pool, lanes, fps, frameMs, runKey, onError);
	// Read once a second: memory, and how many workers are up (256 take seconds to start).
	const rss = useMemory();
	return <>{children({snapshots, label: `real threads · ${plural(pool.size, 'worker')} · ${rss} MB`})}</>;
}

export function SimSource({seed, lanes, runKey, fps, frameMs, children}: SourceProps & {seed: number}) {
	const sim = useSim(lanes, seed, fps, frameMs, runKey);
	const label = `simulated · seed ${seed}${sim.paused ? ' · paused' : ''}`;
	return <>{children({...sim, label})}</>;
}

/** Real threads, or simulated with `seed`. */
export function RunSource({pool, seed, ...props}: SourceProps & {pool: WorkerPool; seed: number | undefined}) {
	return seed === undefined ? <LiveSource {...props} pool={pool} /> : <SimSource {...props} seed={seed} />;
}

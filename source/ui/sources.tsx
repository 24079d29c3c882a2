/**
 * Where a screen's snapshots come from: real worker threads, or the seeded
 * simulator. Everything drawn comes from snapshots; the data source is the
 * only difference between a live and a seeded run, for the scenes and the tour.
 */
import type React from 'react';
import {useCallback, useState} from 'react';
import {useApp} from 'ink';
import type {WorkerPool} from '../engine/pool.js';
import type {RunProgram} from '../engine/run.js';
import {useMemory} from './hooks/use-memory.js';
import {usePatcher} from './live/LiveLines.js';
import {useRuns} from './hooks/use-runs.js';
import {useSim} from './hooks/use-sim.js';
import {type BarSteps, BarStepsContext} from './redraw.js';
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
	/** Simulated only: start with the clock stopped; how fast the virtual clock runs. */
	paused?: boolean;
	speed?: number;
};

export function LiveSource({pool, lanes, runKey, fps, frameMs, children}: SourceProps & {pool: WorkerPool}) {
	const {exit} = useApp();
	const onError = useCallback((error: unknown) => exit(error instanceof Error ? error : new Error(String(error))), [exit]);
	const [bars] = useState<BarSteps>(() => ({steps: 0}));
	const snapshots = useRuns(pool, lanes, fps, frameMs, runKey, onError, bars);
	// Read once a second (every five while bars move): memory, and how many workers are up (256 take seconds to start).
	const rss = useMemory(usePatcher());
	return (
		<BarStepsContext.Provider value={bars}>
			{children({snapshots, label: `real threads · ${plural(pool.size, 'worker')} · ${rss} MB`})}
		</BarStepsContext.Provider>
	);
}

/** A seeded race on screen runs at this speed: its unsafe run takes ≈ 2 s, time to press a key. */
export const RACE_SPEED = 0.25;

export function SimSource({seed, lanes, runKey, fps, frameMs, children, paused = false, speed = 1}: SourceProps & {seed: number}) {
	const [bars] = useState<BarSteps>(() => ({steps: 0}));
	const sim = useSim(lanes, seed, fps, frameMs, runKey, paused, speed, bars);
	const slow = speed < 1 ? ` · ${Math.round(1 / speed)}× slower` : '';
	const label = `simulated · seed ${seed}${sim.paused ? ' · paused' : slow}`;
	return <BarStepsContext.Provider value={bars}>{children({...sim, label})}</BarStepsContext.Provider>;
}

/** Real threads, or simulated with `seed`. */
export function RunSource({pool, seed, ...props}: SourceProps & {pool: WorkerPool; seed: number | undefined}) {
	return seed === undefined ? <LiveSource {...props} pool={pool} /> : <SimSource {...props} seed={seed} />;
}

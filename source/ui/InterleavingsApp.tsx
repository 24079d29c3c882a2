/**
 * The interleavings app: the count is made once; the presenter picks a bar (↑ ↓), steps
 * through a schedule ending there (s) and moves to another one (n). Meanwhile, unless
 * seeded, the unsafe race runs on real workers and its outcomes fill the real column.
 */
import {useEffect, useRef, useState} from 'react';
import {Text} from 'ink';
import {Chrome} from './Chrome.js';
import {InterleavingsView, steppingOf} from './components/InterleavingsView.js';
import type {Theme} from './theme.js';
import type {WorkerPool} from '../engine/pool.js';
import {type InterleavingCount, type RaceShape, countInterleavings} from '../model/interleavings.js';
import {type Outcome, schedulesEnding} from '../model/interleavings-examples.js';
import type {RealTally} from '../model/interleavings-text.js';
import {INTERLEAVINGS, realCheck} from '../lessons/interleavings.js';

export interface InterleavingsAppProps {
	shape: RaceShape;
	pool: WorkerPool;
	theme: Theme;
	/** Real runs to make (0: none, as with --seed). */
	runs: number;
	workMicros: number;
}

/** The schedules ending at each value, ranked once per value: ranking 4 × 4 costs half a second. */
function useOutcomes(shape: RaceShape) {
	const cache = useRef(new Map<number, Outcome>());
	return (final: number): Outcome => {
		const known = cache.current.get(final);
		if (known) return known;
		const outcome = schedulesEnding(shape, final);
		cache.current.set(final, outcome);
		return outcome;
	};
}

/** The real runs, restarted by `key`; stopped when the app goes or the runs are asked for again. */
function useRealCheck(pool: WorkerPool, shape: RaceShape, runs: number, workMicros: number, key: number, onError: (e: unknown) => void) {
	const [real, setReal] = useState<RealTally | undefined>(runs > 0 ? {runs: 0, byFinal: new Map()} : undefined);
	useEffect(() => {
		if (runs === 0 || key < 0) return;
		let stopped = false;
		setReal({runs: 0, byFinal: new Map()});
		realCheck(
			pool,
			shape,
			runs,
			workMicros,
			(tally) => !stopped && setReal(tally),
			() => stopped,
		).catch(onError);
		return () => {
			stopped = true;
		};
	}, [pool, shape, runs, workMicros, key, onError]);
	return real;
}

/**
 * Counting 4 × 4 takes a second, during which nothing can be drawn: say what is being
 * counted first, then count (after that frame is out), then show the scene.
 */
export function InterleavingsApp(props: InterleavingsAppProps) {
	const {shape} = props;
	const [count, setCount] = useState<InterleavingCount | undefined>(undefined);
	useEffect(() => {
		const timer = setTimeout(() => setCount(countInterleavings(shape)), 50);
		return () => clearTimeout(timer);
	}, [shape]);
	if (!count)
		return (
			<Text color={props.theme.muted}>
				{props.theme.text(
					`threadlab · interleavings · counting every schedule of ${shape.threads} threads × ${shape.increments} increments…`,
				)}
			</Text>
		);
	return <Counted {...props} count={count} />;
}

function Counted({shape, pool, theme, runs, workMicros, count}: InterleavingsAppProps & {count: InterleavingCount}) {
	const outcomes = useOutcomes(shape);
	const [pick, setPick] = useState({final: count.minFinal, index: 0n, at: 0});
	const [runKey, setRunKey] = useState(0);
	const [error, setError] = useState<unknown>(undefined);
	const real = useRealCheck(pool, shape, runs, workMicros, runKey, setError);
	if (error !== undefined) throw error;
	const finals = [...count.byFinal.keys()];
	const move = (by: number) =>
		setPick((p) => {
			const at = Math.min(finals.length - 1, Math.max(0, finals.indexOf(p.final) + by));
			return {final: finals[at] ?? p.final, index: 0n, at: 0};
		});
	const stepping = steppingOf(shape, outcomes(pick.final), pick.index, pick.at);
	const done = real === undefined || real.runs >= runs;
	const label = runs === 0 ? 'counted' : `counted · real runs ${real?.runs ?? 0}/${runs}`;
	return (
		<Chrome
			theme={theme}
			source={{snapshots: [], label}}
			context={{app: 'scene', view: 'interleavings', selection: []}}
			on={{
				up: () => move(-1),
				down: () => move(1),
				step: () => setPick((p) => ({...p, at: Math.min(p.at + 1, stepping.steps.length)})),
				another: () => setPick((p) => ({...p, index: p.index + 1n, at: 0})),
				rerun: () => setRunKey((k) => k + 1),
			}}
			leave={done}
		>
			{(chrome) => (
				<InterleavingsView
					{...chrome}
					shape={shape}
					count={count}
					stepping={stepping}
					real={real}
					realTarget={runs}
					title={INTERLEAVINGS.title}
					code={INTERLEAVINGS.code}
				/>
			)}
		</Chrome>
	);
}

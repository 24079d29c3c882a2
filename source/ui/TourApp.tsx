/**
 * `threadlab tour`: the slides, keys to move between them, each slide's scene
 * running live (or simulated with --seed) while it is shown, and what every
 * slide measured kept for the closing slide. Besides the shared chrome it
 * keeps moving between slides and --auto.
 */
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {Chrome} from './Chrome.js';
import {TourView} from './components/TourView.js';
import {RACE_SPEED, RunSource, type Source} from './sources.js';
import {REPLAY_SEED} from './App.js';
import type {Theme} from './theme.js';
import type {WorkerPool} from '../engine/pool.js';
import {type Snapshot, allFinished} from '../model/snapshot.js';
import {runsOf} from './keys.js';
import {useMarker} from './markers.js';
import {lanesFor} from '../lessons/view.js';
import {measuredLines} from '../model/measured.js';
import {type Slide, slideLabel} from '../lessons/tour.js';

export interface TourAppProps {
	slides: readonly Slide[];
	pool: WorkerPool;
	theme: Theme;
	fps: number;
	seed?: number;
	/** --paused: each slide's seeded clock starts stopped. */
	paused?: boolean;
	/** Seconds to wait after a slide's scene finished before moving on; undefined: keys only. */
	auto?: number;
}

export function TourApp({slides, pool, theme, fps, seed, paused = false, auto}: TourAppProps) {
	const [index, setIndex] = useState(0);
	// `w` on a race slide: the race again on the seeded simulator, paused at its start (until the slide changes).
	const [replay, setReplay] = useState({index: -1, count: 0});
	const replaying = replay.index === index;
	const [runKey, setRunKey] = useState(0);
	const results = useRef(new Map<string, Snapshot[]>());
	const slide = slides[index]!;
	const lanes = useMemo(() => (slide.view ? lanesFor(slide.view) : []), [slide]);
	const mark = useMarker();
	useEffect(() => mark(slideLabel(slides, index)), [slides, index, mark]);
	const go = useCallback((step: number) => setIndex((i) => Math.min(slides.length - 1, Math.max(0, i + step))), [slides.length]);
	return (
		<RunSource
			key={`${index}:${replaying ? replay.count : 0}`}
			pool={pool}
			seed={replaying ? (seed ?? REPLAY_SEED) : seed}
			paused={paused || replaying}
			speed={slide.view?.kind === 'race' ? RACE_SPEED : 1}
			lanes={lanes}
			runKey={runKey}
			fps={fps}
			frameMs={theme.glyphs.spinnerInterval}
		>
			{(source) => (
				<TourShell
					slides={slides}
					index={index}
					theme={theme}
					source={source}
					results={results.current}
					auto={auto}
					onMove={go}
					onRerun={() => setRunKey((k) => k + 1)}
					onReplay={() => setReplay((r) => ({index, count: r.count + 1}))}
				/>
			)}
		</RunSource>
	);
}

interface ShellProps {
	slides: readonly Slide[];
	index: number;
	theme: Theme;
	source: Source;
	results: Map<string, Snapshot[]>;
	auto: number | undefined;
	onMove(step: number): void;
	onRerun(): void;
	onReplay(): void;
}

function TourShell({slides, index, theme, source, results, auto, onMove, onRerun, onReplay}: ShellProps) {
	const slide = slides[index]!;
	const {snapshots} = source;
	const finished = allFinished(snapshots);
	if (finished && slide.view) results.set(slide.id, snapshots.flat());
	const last = index === slides.length - 1;
	// --auto: the last slide held as long as the others, then (without a keyboard) the end.
	const [over, setOver] = useState(false);

	// --auto: the next slide once this one's scene is done (and a pause to talk over it).
	useEffect(() => {
		if (auto === undefined || !finished) return;
		const timer = setTimeout(() => (last ? setOver(true) : onMove(1)), auto * 1000);
		return () => clearTimeout(timer);
	}, [auto, finished, last, onMove]);

	return (
		<Chrome
			theme={theme}
			source={source}
			context={{app: 'tour', view: 'slide', selection: [], runs: slide.view ? runsOf(slide.view.kind) : 'none'}}
			on={{next: () => onMove(1), back: () => onMove(-1), rerun: onRerun, replay: onReplay}}
			leave={over}
		>
			{(chrome) => (
				<TourView {...chrome} slide={slide} index={index} count={slides.length} snapshots={snapshots} measured={measuredLines(results)} />
			)}
		</Chrome>
	);
}

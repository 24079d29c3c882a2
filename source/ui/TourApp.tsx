/**
 * `threadlab tour`: the slides, keys to move between them, each slide's scene
 * running live (or simulated with --seed) while it is shown, and what every
 * slide measured kept for the closing slide.
 */
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {useApp, useStdin} from 'ink';
import {LiveSource, SimSource, type Source} from './App.js';
import type {KeyHint} from './components/Footer.js';
import {ThemeContext, type Theme} from './theme.js';
import {TourView} from './components/TourView.js';
import type {WorkerPool} from '../engine/pool.js';
import {useKeys} from './hooks/use-keys.js';
import {useSuspend} from './hooks/use-suspend.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {type Snapshot, allFinished} from '../model/snapshot.js';
import {useMarker} from './markers.js';
import {lanesFor} from '../lessons/view.js';
import {measuredLines} from '../model/measured.js';
import type {Slide} from '../lessons/tour.js';

export const TOUR_KEYS: readonly KeyHint[] = [
	{keys: '←', action: 'back'},
	{keys: '→', action: 'next'},
	{keys: 'r', action: 'rerun'},
	{keys: '?', action: 'help'},
	{keys: 'q', action: 'quit'},
];

export const TOUR_HELP: readonly KeyHint[] = [
	{keys: '→ n space', action: 'next slide'},
	{keys: '← p', action: 'previous slide'},
	{keys: 'r', action: "run the slide's scene again"},
	{keys: '?', action: 'show or hide this help'},
	{keys: 'q Esc Ctrl+C', action: 'quit'},
];

export const slideLabel = (slides: readonly Slide[], index: number) => `slide ${index + 1}/${slides.length}: ${slides[index]?.title ?? ''}`;

export interface TourAppProps {
	slides: readonly Slide[];
	pool: WorkerPool;
	theme: Theme;
	fps: number;
	seed?: number;
	/** Seconds to wait after a slide's scene finished before moving on; undefined: keys only. */
	auto?: number;
}

export function TourApp({slides, pool, theme, fps, seed, auto}: TourAppProps) {
	const [index, setIndex] = useState(0);
	const [runKey, setRunKey] = useState(0);
	const results = useRef(new Map<string, Snapshot[]>());
	const slide = slides[index]!;
	const lanes = useMemo(() => (slide.view ? lanesFor(slide.view) : []), [slide]);
	const mark = useMarker();
	useEffect(() => mark(slideLabel(slides, index)), [slides, index, mark]);
	const go = useCallback((step: number) => setIndex((i) => Math.min(slides.length - 1, Math.max(0, i + step))), [slides.length]);
	const props = {lanes, runKey, fps, frameMs: theme.glyphs.spinnerInterval};
	const shell = (source: Source) => (
		<TourShell
			slides={slides}
			index={index}
			theme={theme}
			source={source}
			results={results.current}
			auto={auto}
			onMove={go}
			onRerun={() => setRunKey((k) => k + 1)}
		/>
	);
	return seed === undefined ? (
		<LiveSource key={index} {...props} pool={pool}>
			{shell}
		</LiveSource>
	) : (
		<SimSource key={index} {...props} seed={seed}>
			{shell}
		</SimSource>
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
}

function TourShell({slides, index, theme, source, results, auto, onMove, onRerun}: ShellProps) {
	const {exit} = useApp();
	const {isRawModeSupported} = useStdin();
	const {columns, rows} = useTerminalSize();
	const [help, setHelp] = useState(false);
	const {hidden, suspend} = useSuspend();
	const slide = slides[index]!;
	const {snapshots} = source;
	const finished = allFinished(snapshots);
	if (finished && slide.view) results.set(slide.id, snapshots.flat());

	useKeys((key) => {
		if (key === 'q' || key === 'escape' || key === 'ctrl+c') exit();
		else if (key === 'ctrl+z') suspend();
		else if (key === 'right' || key === 'n' || key === ' ') onMove(1);
		else if (key === 'left' || key === 'p') onMove(-1);
		else if (key === 'r') onRerun();
		else if (key === '?') setHelp((shown) => !shown);
	});

	// --auto: the next slide once this one's scene is done (and a pause to talk over it).
	// Without a keyboard the tour also ends by itself after the last slide.
	useEffect(() => {
		if (auto === undefined || !finished) return;
		const last = index === slides.length - 1;
		if (last && isRawModeSupported) return;
		const timer = setTimeout(() => (last ? exit() : onMove(1)), auto * 1000);
		return () => clearTimeout(timer);
	}, [auto, finished, index, slides.length, onMove, isRawModeSupported, exit]);

	if (hidden) return null;
	return (
		<ThemeContext.Provider value={theme}>
			<TourView
				slide={slide}
				index={index}
				count={slides.length}
				snapshots={snapshots}
				measured={measuredLines(results)}
				width={columns}
				height={rows}
				keys={isRawModeSupported ? TOUR_KEYS : []}
				helpKeys={TOUR_HELP}
				help={help}
				label={source.label}
				registers={source.step !== undefined}
			/>
		</ThemeContext.Provider>
	);
}

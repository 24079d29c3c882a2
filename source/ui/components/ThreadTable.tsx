import {useCallback} from 'react';
import {clock, seconds} from '../../model/format.js';
import type {MainRowModel, ThreadRowModel} from '../../model/snapshot.js';
import type {ThreadStateName} from '../../model/types.js';
import {stateIcon} from './StateIcon.js';
import {STATE_WIDTH, rowLine} from './ThreadRow.js';
import {barProgress} from './ProgressBar.js';
import {type Theme, barSteps, useTheme} from '../theme.js';
import {styled} from '../styled.js';
import {LiveLines} from '../live/LiveLines.js';
import type {LiveOf} from '../live/regions.js';
import {useBarSteps} from '../redraw.js';

const MAX_NAME = 16;

/** ` / 2 s` for a 2 s sleep: worded once per length of sleep, not for every row of every frame. */
const targets = new Map<number, string>();

function threadTime(row: ThreadRowModel, decimals: number): string {
	if (row.targetMs <= 0) return `${clock(row.elapsedMs, decimals)} s`;
	let target = targets.get(row.targetMs);
	if (target === undefined) {
		if (targets.size >= 64) targets.clear();
		target = ` / ${seconds(row.targetMs / 1000)} s`;
		targets.set(row.targetMs, target);
	}
	return clock(row.elapsedMs, decimals) + target;
}

/** Tenths of a second for short sleeps; whole seconds once a sleep is 10 s or more. */
const decimalsFor = (threads: readonly ThreadRowModel[]) => (threads.some((row) => row.targetMs >= 10_000) ? 0 : 1);

/** Lines this table needs for `threads` threads given at most `maxLines`. */
export function tableHeight(threads: number, maxLines: number): number {
	return Math.min(threads + 1, Math.max(2, maxLines));
}

/** The table's lines for `of` (the same strings ThreadRow draws), and the steps its bars show. */
export function tableLines(of: LiveOf, width: number, maxLines: number, theme: Theme): {lines: string[]; steps: number} {
	const {main, threads, clockMs} = of;
	const lines = tableHeight(threads.length, maxLines);
	const collapsed = threads.length + 1 > lines;
	const shown = collapsed ? threads.slice(0, Math.max(0, lines - 2)) : threads;
	const hidden = threads.slice(shown.length);
	const nameWidth = Math.min(MAX_NAME, Math.max(4, ...threads.map((row) => row.name.length)));
	const decimals = decimalsFor(threads);
	const times = threads.map((row) => threadTime(row, decimals));
	const mainTime = `${clock(main.elapsedMs, decimals)} s`;
	const timeWidth = Math.max(mainTime.length, ...times.map((time) => time.length));
	const barWidth = Math.max(0, width - (2 + nameWidth + 1 + 2 + STATE_WIDTH + 1 + timeWidth + 1));
	const quantise = (progress: number) => barProgress(progress, barWidth, theme.glyphs.barPartials);
	const out = [
		rowLine(
			{
				name: 'main',
				nameWidth,
				state: main.state,
				icon: stateIcon(main.state, clockMs, theme),
				progress: quantise(main.progress),
				barWidth,
				time: mainTime,
				timeWidth,
				note: mainNote(main.state, threads, barWidth),
				main: true,
			},
			theme,
		),
	];
	for (let index = 0; index < shown.length; index++) {
		const row = shown[index]!;
		// One shape for every row's props (note undefined, not absent): the loop stays monomorphic.
		out.push(
			rowLine(
				{
					name: row.name,
					nameWidth,
					state: row.state,
					icon: stateIcon(row.state, clockMs, theme),
					progress: quantise(row.progress),
					barWidth,
					time: times[index] ?? '',
					timeWidth,
					note: row.error,
					main: false,
				},
				theme,
			),
		);
	}
	if (collapsed) {
		const counts = new Map<ThreadStateName, number>();
		for (const row of hidden) counts.set(row.state, (counts.get(row.state) ?? 0) + 1);
		const more = [...counts].map(([state, count]) => `${count} ${state}`).join(', ');
		out.push(styled(`  +${hidden.length} more threads (${more})`, {color: theme.muted}));
	}
	return {lines: out, steps: barSteps(barWidth, theme.glyphs.barPartials)};
}

/**
 * The main thread's row, then one row per thread. When the threads outnumber
 * `maxLines`, the last line says how many more there are, by state. Between renders,
 * the live patcher redraws its rows as time moves them (ui/live/); not memoised, so that
 * a render from above (a key, a resize) draws the rows the patcher last put on screen.
 */
export function ThreadTable({
	main,
	threads,
	clockMs,
	width,
	maxLines,
}: {
	main: MainRowModel;
	threads: readonly ThreadRowModel[];
	clockMs: number;
	width: number;
	maxLines: number;
}) {
	const theme = useTheme();
	// The source redraws when a bar would show its next step: it learns the steps here.
	const bars = useBarSteps();
	const draw = useCallback(
		(of: LiveOf) => {
			const table = tableLines(of, width, maxLines, theme);
			if (bars) bars.steps = table.steps;
			return table.lines;
		},
		[width, maxLines, theme, bars],
	);
	return <LiveLines of={{main, threads, clockMs}} draw={draw} />;
}

/**
 * The main thread's row in words instead of a bar: what it is doing, and how
 * many threads are done, in the longest form that fits `room`. Its clock is
 * the scene's (main runs from the start to the end).
 */
export function mainNote(state: string, threads: readonly {state: string}[], room: number): string {
	const done = threads.filter((row) => row.state === 'done' || row.state === 'failed').length;
	const left = threads.length - done;
	const of = `${done}/${threads.length}`;
	const forms: Record<string, string[]> = {
		starting: ['starting its threads', 'starting'],
		running: [`running its own lines: ${of} threads done`, `running: ${of} done`, 'running'],
		joining: [`blocked in join(): ${of} threads done`, `in join(): ${of} done`, `join ${of}`],
		done:
			left > 0
				? [`its last line ran; ${left} thread${left === 1 ? '' : 's'} still running`, `done; ${left} still running`, 'done']
				: ['its last line ran; every thread finished', 'done; all finished', 'done'],
	};
	const list = forms[state] ?? [state];
	return list.find((form) => form.length <= room) ?? '';
}

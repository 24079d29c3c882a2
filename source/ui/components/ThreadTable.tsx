import {memo} from 'react';
import {Box, Text} from 'ink';
import {clock, seconds} from '../../model/format.js';
import type {MainRowModel, ThreadRowModel} from '../../model/snapshot.js';
import type {ThreadStateName} from '../../model/types.js';
import {stateIcon} from './StateIcon.js';
import {STATE_WIDTH, ThreadRow} from './ThreadRow.js';
import {barProgress} from './ProgressBar.js';
import {barSteps, useTheme} from '../theme.js';
import {useBarSteps} from '../redraw.js';

const MAX_NAME = 16;

function threadTime(row: ThreadRowModel, decimals: number): string {
	return row.targetMs > 0 ? `${clock(row.elapsedMs, decimals)} / ${seconds(row.targetMs / 1000)} s` : `${clock(row.elapsedMs, decimals)} s`;
}

/** Tenths of a second for short sleeps; whole seconds once a sleep is 10 s or more. */
const decimalsFor = (threads: readonly ThreadRowModel[]) => (threads.some((row) => row.targetMs >= 10_000) ? 0 : 1);

/** Lines this table needs for `threads` threads given at most `maxLines`. */
export function tableHeight(threads: number, maxLines: number): number {
	return Math.min(threads + 1, Math.max(2, maxLines));
}

/**
 * The main thread's row, then one row per thread. When the threads outnumber
 * `maxLines`, the last line says how many more there are, by state.
 */
export const ThreadTable = memo(function ThreadTable({
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
	// The source redraws when a bar would show its next step: it learns the steps here.
	const bars = useBarSteps();
	if (bars) bars.steps = barSteps(barWidth, theme.glyphs.barPartials);
	const counts = new Map<ThreadStateName, number>();
	for (const row of hidden) counts.set(row.state, (counts.get(row.state) ?? 0) + 1);
	const more = [...counts].map(([state, count]) => `${count} ${state}`).join(', ');
	return (
		<Box flexDirection="column">
			<ThreadRow
				main
				name="main"
				nameWidth={nameWidth}
				state={main.state}
				icon={stateIcon(main.state, clockMs, theme)}
				progress={quantise(main.progress)}
				barWidth={barWidth}
				note={mainNote(main.state, threads, barWidth)}
				time={mainTime}
				timeWidth={timeWidth}
			/>
			{shown.map((row, index) => (
				<ThreadRow
					key={row.name}
					name={row.name}
					nameWidth={nameWidth}
					state={row.state}
					icon={stateIcon(row.state, clockMs, theme)}
					progress={quantise(row.progress)}
					barWidth={barWidth}
					time={times[index] ?? ''}
					timeWidth={timeWidth}
					{...(row.error === undefined ? {} : {note: row.error})}
				/>
			))}
			{collapsed ? (
				<Text wrap="truncate" color={theme.muted}>
					{`  +${hidden.length} more threads (${more})`}
				</Text>
			) : null}
		</Box>
	);
});

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

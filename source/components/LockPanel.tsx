import React from 'react';
import {Box} from 'ink';
import {fixed, grouped, right, truncate} from '../model/format.js';
import {compact, collisionText} from '../model/race.js';
import type {Snapshot} from '../model/snapshot.js';
import type {CounterMode} from '../model/types.js';
import {Line, type Segment} from './Line.js';
import {bar} from './ProgressBar.js';
import {stateIcon} from './StateIcon.js';
import {useTheme, type Theme} from './theme.js';

export interface LockColumn {
	mode: CounterMode;
	/** The latest run of this mode, or null when it has not run yet. */
	snapshot: Snapshot | null;
	selected: boolean;
}

const LABEL = 11;
const STATS = ['expected', 'actual', 'lost', 'elapsed', 'rate', 'contended', 'holder'] as const;

function stat(name: (typeof STATS)[number], column: LockColumn, theme: Theme): Segment {
	const r = column.snapshot?.race;
	if (!r || column.snapshot?.main.state === 'starting') return {text: theme.glyphs.dot, color: theme.muted};
	const none = {text: theme.ascii ? '-' : '—', color: theme.muted};
	const verdict = r.finished ? (r.lost > 0 ? theme.bad : theme.good) : undefined;
	switch (name) {
		case 'expected':
			return {text: grouped(r.expected)};
		case 'actual':
			return {text: grouped(r.actual), color: verdict, bold: r.finished};
		case 'lost':
			return {text: `${grouped(r.lost)} (${r.lostPercent.toFixed(1)}%)`, color: verdict};
		case 'elapsed':
			return {text: `${fixed(r.elapsedMs)} s`};
		case 'rate':
			return {text: `${compact(r.opsPerSec)}/s`};
		case 'contended':
			return r.mode === 'mutex' ? {text: grouped(r.contended)} : none;
		case 'holder':
			return r.mode === 'mutex' && r.holder ? {text: r.holder, color: theme.state('holding')} : none;
	}
}

function workerCell(snapshot: Snapshot | null, index: number, width: number, theme: Theme, registers: boolean): Segment[] {
	const row = snapshot?.threads[index];
	if (!snapshot || !row) return [{text: ' '.repeat(width)}];
	const name = truncate(row.name, 8, theme.glyphs.ellipsis).padEnd(8);
	const state = row.state === 'new' ? 'ready' : row.state;
	// With registers, the value this worker last read: compare it with the shared counter.
	const register = registers ? `r=${row.local}`.padEnd(7) + ' ' : '';
	// Narrow columns drop the state word first (the icon's colour still tells), then the bar.
	// name and space 9, icon 1, word 9 or 1, register, bar, one space after.
	const word = width >= 9 + 1 + 9 + register.length + 3 + 1 ? ` ${state.padEnd(8)}` : ' ';
	const barWidth = width - 9 - 1 - word.length - register.length - 1;
	const color = theme.state(row.state);
	return [
		{text: `${name} `},
		{text: `${stateIcon(row.state, snapshot.clockMs, theme)}${word}`, color},
		{text: register, color: theme.accent},
		{text: barWidth >= 3 ? bar(row.progress, barWidth, theme.glyphs.barFull, theme.glyphs.barEmpty) + ' ' : ' '.repeat(Math.max(0, barWidth + 1)), color},
	];
}

/**
 * The shared counter, mode by mode, side by side: expected, actual, lost,
 * elapsed, rate, contended acquisitions and the holder; then each mode's
 * workers; then one collision caught in the unsafe run.
 */
export function LockPanel({columns, width, maxWorkers, explain, registers = false}: {columns: readonly LockColumn[]; width: number; maxWorkers: number; explain?: string; registers?: boolean}) {
	const theme = useTheme();
	const cell = Math.max(8, Math.floor((width - LABEL) / Math.max(1, columns.length)));
	const lines: Segment[][] = [];
	const first = columns.find((c) => c.snapshot?.race)?.snapshot?.race;
	if (first) {
		const text = `lock panel ${theme.glyphs.dot} ${first.threads} threads ${theme.glyphs.times} ${grouped(first.increments)} increments ${theme.glyphs.dot} ${first.workMicros} µs between read and write`;
		lines.push([{text: truncate(text, width, theme.glyphs.ellipsis), color: theme.muted}]);
	}
	lines.push([
		{text: ' '.repeat(LABEL)},
		...columns.map((c): Segment => {
			const label = `${c.selected ? (theme.ascii ? '>' : '▸') : ' '} ${c.mode}`;
			return {text: right(label, cell - 2) + '  ', bold: true, color: c.selected ? theme.accent : undefined};
		}),
	]);
	for (const name of STATS) {
		lines.push([
			{text: name.padEnd(LABEL), color: theme.muted},
			...columns.flatMap((c) => {
				const value = stat(name, c, theme);
				return [{...value, text: right(value.text, cell - 2)}, {text: '  '}];
			}),
		]);
	}
	const workers = Math.max(0, ...columns.map((c) => c.snapshot?.threads.length ?? 0));
	const shown = Math.min(workers, Math.max(1, maxWorkers));
	for (let index = 0; index < shown; index++) {
		const more = index === shown - 1 && workers > shown;
		lines.push([
			{text: (index === 0 ? 'workers' : '').padEnd(LABEL), color: theme.muted},
			...columns.flatMap((c) =>
				more ? [{text: `+${workers - index} more`.padEnd(cell), color: theme.muted}] : [...workerCell(c.snapshot, index, cell - 1, theme, registers), {text: ' '}],
			),
		]);
	}
	const collision = columns.map((c) => c.snapshot?.race?.collision).find((c) => c);
	if (collision) {
		lines.push([{text: 'caught'.padEnd(LABEL), color: theme.muted}, {text: `${collisionText(collision)}: one update lost`, color: theme.bad}]);
	}
	if (explain) lines.push([{text: truncate(explain, width, theme.glyphs.ellipsis), color: theme.muted}]);
	return (
		<Box flexDirection="column">
			{lines.map((segments, index) => (
				<Line key={index} segments={segments} />
			))}
		</Box>
	);
}

/** Lines the panel draws for `workers` threads, given the cap. */
export function lockPanelHeight(workers: number, maxWorkers: number, collision: boolean, explain: boolean): number {
	return 2 + STATS.length + Math.min(workers, Math.max(1, maxWorkers)) + (collision ? 1 : 0) + (explain ? 1 : 0);
}

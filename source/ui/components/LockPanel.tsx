import {Box} from 'ink';
import {fixed, grouped, right, truncate} from '../../model/format.js';
import {compact, collisionText} from '../../model/race.js';
import type {Snapshot} from '../../model/snapshot.js';
import type {CounterMode} from '../../model/types.js';
import {Line, type Segment} from './Line.js';
import {bar} from './ProgressBar.js';
import {stateIcon} from './StateIcon.js';
import {useTheme, type Theme} from '../theme.js';

export interface LockColumn {
	mode: CounterMode;
	/** The latest run of this mode, or null when it has not run yet. */
	snapshot: Snapshot | null;
	selected: boolean;
}

const LABEL = 11;
const STATS = ['expected', 'actual', 'lost', 'elapsed', 'rate', 'contended', 'holder'] as const;

function stat(name: (typeof STATS)[number], column: LockColumn, theme: Theme, room: number): Segment {
	const r = column.snapshot?.race;
	if (!r || column.snapshot?.main.state === 'starting') return {text: theme.glyphs.dot, color: theme.muted};
	const none = {text: theme.ascii ? '-' : '—', color: theme.muted};
	const verdict = r.finished ? (r.lost > 0 ? theme.bad : theme.good) : undefined;
	switch (name) {
		case 'expected':
			return {text: grouped(r.expected)};
		case 'actual':
			return {text: grouped(r.actual), color: verdict, bold: r.finished};
		case 'lost': {
			const full = `${grouped(r.lost)} (${r.lostPercent.toFixed(1)}%)`;
			return {text: full.length <= room ? full : `${r.lostPercent.toFixed(1)}%`, color: verdict};
		}
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
	if (!snapshot || !row) return [{text: ' '.repeat(Math.max(0, width))}];
	// Pieces, most telling first: icon, name, register (the value last read), state word, bar.
	let register = registers ? `r=${row.local}`.padEnd(7) + ' ' : '';
	if (width - 2 - register.length < 4) register = '';
	const nameWidth = Math.max(0, Math.min(8, width - 2 - register.length - 1));
	const name = truncate(row.name, nameWidth, theme.glyphs.ellipsis).padEnd(nameWidth) + ' ';
	const rest = width - name.length - 2 - register.length;
	const word = rest >= 9 ? `${(row.state === 'new' ? 'ready' : row.state).padEnd(8)} ` : '';
	const barWidth = rest - word.length - 1;
	const color = theme.state(row.state);
	return [
		{text: name},
		{text: `${stateIcon(row.state, snapshot.clockMs, theme)} ${word}`, color},
		{text: register, color: theme.accent},
		{
			text:
				barWidth >= 3
					? bar(row.progress, barWidth, theme.glyphs.barFull, theme.glyphs.barEmpty) + ' '
					: ' '.repeat(Math.max(0, rest - word.length)),
			color,
		},
	];
}

/** Which lines survive when the panel must fit fewer lines: higher first. */
const PRIORITY: Record<string, number> = {
	header: 10,
	actual: 9,
	lost: 9,
	caught: 8,
	expected: 7,
	workers: 6,
	elapsed: 5,
	rate: 5,
	holder: 4,
	contended: 4,
	title: 3,
	explain: 2,
};

/**
 * The shared counter, mode by mode, side by side: expected, actual, lost,
 * elapsed, rate, contended acquisitions and the holder; then each mode's
 * workers; then one collision caught in the unsafe run. At most `maxLines`
 * lines: the least telling ones go first, workers collapse into `+N more`.
 */
export function LockPanel({
	columns,
	width,
	maxLines,
	explain,
	registers = false,
}: {
	columns: readonly LockColumn[];
	width: number;
	maxLines: number;
	explain?: string;
	registers?: boolean;
}) {
	const theme = useTheme();
	const label = width < 60 ? 10 : LABEL;
	const cell = Math.max(8, Math.floor((width - label) / Math.max(1, columns.length)));
	const lines: Array<{name: string; segments: Segment[]}> = [];
	const first = columns.find((c) => c.snapshot?.race)?.snapshot?.race;
	if (first) {
		const text = `lock panel ${theme.glyphs.dot} ${first.threads} threads ${theme.glyphs.times} ${grouped(first.increments)} increments ${theme.glyphs.dot} ${first.workMicros} µs between read and write`;
		lines.push({name: 'title', segments: [{text: truncate(text, width, theme.glyphs.ellipsis), color: theme.muted}]});
	}
	lines.push({
		name: 'header',
		segments: [
			{text: ' '.repeat(label)},
			...columns.map((c): Segment => {
				const text = `${c.selected ? (theme.ascii ? '>' : '▸') : ' '} ${c.mode}`;
				return {text: right(text, cell - 2) + '  ', bold: true, color: c.selected ? theme.accent : undefined};
			}),
		],
	});
	for (const name of STATS) {
		lines.push({
			name,
			segments: [
				{text: truncate(name, label - 1, '.').padEnd(label), color: theme.muted},
				...columns.flatMap((c) => {
					const value = stat(name, c, theme, cell - 2);
					return [{...value, text: right(value.text, cell - 2)}, {text: '  '}];
				}),
			],
		});
	}
	const collision = columns.map((c) => c.snapshot?.race?.collision).find((c) => c);
	const caught = collision && {
		name: 'caught',
		segments: [
			{text: 'caught'.padEnd(label), color: theme.muted},
			{text: truncate(theme.text(`${collisionText(collision)}: one update lost`), width - label, theme.glyphs.ellipsis), color: theme.bad},
		],
	};
	const closing = explain
		? {name: 'explain', segments: [{text: truncate(explain, width, theme.glyphs.ellipsis), color: theme.muted}]}
		: undefined;
	const workers = Math.max(0, ...columns.map((c) => c.snapshot?.threads.length ?? 0));
	// Keep the most telling lines, one line for workers at least, then give workers the rest.
	const others = [...lines, ...(caught ? [caught] : []), ...(closing ? [closing] : [])];
	const budget = Math.max(1, maxLines - (workers > 0 ? 1 : 0));
	const kept = new Set([...others].sort((a, b) => (PRIORITY[b.name] ?? 0) - (PRIORITY[a.name] ?? 0)).slice(0, budget));
	const shown = workers > 0 ? Math.min(workers, Math.max(1, maxLines - kept.size)) : 0;
	const workerLines = Array.from({length: shown}, (_, index) => {
		const more = index === shown - 1 && workers > shown;
		return {
			name: 'workers',
			segments: [
				{text: (index === 0 ? 'workers' : '').padEnd(label), color: theme.muted},
				...columns.flatMap((c) =>
					more
						? [{text: `+${workers - index} more`.padEnd(cell), color: theme.muted}]
						: [...workerCell(c.snapshot, index, cell - 1, theme, registers), {text: ' '}],
				),
			],
		};
	});
	const ordered = [
		...lines.filter((line) => kept.has(line)),
		...workerLines,
		...[caught, closing].filter((line) => line && kept.has(line)),
	];
	return (
		<Box flexDirection="column">
			{ordered.map((line, index) => (
				<Line key={index} segments={line!.segments} />
			))}
		</Box>
	);
}

/** Lines the panel draws with room enough: every line, every worker. */
export function lockPanelHeight(workers: number, collision: boolean, explain: boolean): number {
	return 2 + STATS.length + workers + (collision ? 1 : 0) + (explain ? 1 : 0);
}

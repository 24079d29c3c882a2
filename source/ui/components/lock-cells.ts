/**
 * The lock panel's cells: one figure of one mode, and one worker of one mode.
 * Kept apart from the layout (LockPanel.tsx), which decides which lines fit.
 */
import {fixed, grouped, truncate} from '../../model/format.js';
import {compact} from '../../model/race.js';
import type {Snapshot} from '../../model/snapshot.js';
import type {CounterMode} from '../../model/types.js';
import type {Segment} from './Line.js';
import {bar} from './ProgressBar.js';
import {stateIcon} from './StateIcon.js';
import type {Theme} from '../theme.js';

export interface LockColumn {
	mode: CounterMode;
	/** The latest run of this mode, or null when it has not run yet. */
	snapshot: Snapshot | null;
	selected: boolean;
}

/** `time` is elapsed and rate on one line: what a panel short of lines shows instead of both. */
export const STATS = ['expected', 'actual', 'lost', 'elapsed', 'rate', 'time', 'contended', 'holder'] as const;
export type Stat = (typeof STATS)[number];

export function stat(name: Stat, column: LockColumn, theme: Theme, room: number): Segment {
	const r = column.snapshot?.race;
	if (!r || column.snapshot?.main.state === 'starting') return {text: theme.glyphs.dot, color: theme.muted};
	const none = {text: theme.ascii ? '-' : '—', color: theme.muted};
	const verdict = r.finished ? (r.lost > 0 ? theme.bad : theme.good) : undefined;
	const fits = (...texts: string[]) => texts.find((text) => text.length <= room) ?? texts[texts.length - 1]!;
	switch (name) {
		case 'expected':
			return {text: grouped(r.expected)};
		case 'actual':
			return {text: grouped(r.actual), color: verdict, bold: r.finished};
		case 'lost': {
			// While running, lost counts only the increments done so far: said so beside the figure.
			const pct = `${r.lostPercent.toFixed(1)}%`;
			return r.finished
				? {text: fits(`${grouped(r.lost)} (${pct})`, pct), color: verdict}
				: {text: fits(`${grouped(r.lost)} so far (${pct})`, `${grouped(r.lost)} so far`, `${pct} so far`, pct)};
		}
		case 'elapsed':
			return {text: `${fixed(r.elapsedMs)} s`};
		case 'rate':
			return {text: `${compact(r.opsPerSec)}/s`};
		case 'time':
			return {text: fits(`${fixed(r.elapsedMs)} s ${theme.glyphs.dot} ${compact(r.opsPerSec)}/s`, `${fixed(r.elapsedMs)} s`)};
		case 'contended':
			// Defined where it is shown: how many times a thread found the lock taken and waited.
			return r.mode === 'mutex'
				? {text: fits(`${grouped(r.contended)} waited for the lock`, `${grouped(r.contended)} waited`, grouped(r.contended))}
				: none;
		case 'holder':
			return r.mode === 'mutex' && r.holder ? {text: r.holder, color: theme.state('holding')} : none;
	}
}

/**
 * One worker of one mode in `width` columns, most telling first: name, icon,
 * the value it last read (seeded runs), the state word, a bar. The two threads
 * of the `caught` line are drawn in the colour of a lost update.
 */
export function workerCell(
	snapshot: Snapshot | null,
	index: number,
	width: number,
	theme: Theme,
	registers: boolean,
	caught: readonly string[],
): Segment[] {
	const row = snapshot?.threads[index];
	if (!snapshot || !row) return [{text: ' '.repeat(Math.max(0, width))}];
	let register = registers ? `r=${row.local}`.padEnd(7) + ' ' : '';
	if (width - 2 - register.length < 6) register = '';
	const nameWidth = Math.max(0, Math.min(8, width - 2 - register.length - 1));
	const name = truncate(row.name, nameWidth, theme.glyphs.ellipsis).padEnd(nameWidth) + ' ';
	const rest = width - name.length - 2 - register.length;
	const word = rest >= 14 ? `${(row.state === 'new' ? 'ready' : row.state).padEnd(8)} ` : '';
	const barWidth = rest - word.length - 1;
	const color = theme.state(row.state);
	const collided = caught.includes(row.name);
	return [
		{text: name, color: collided ? theme.bad : undefined, bold: collided},
		{text: `${stateIcon(row.state, snapshot.clockMs, theme)} ${word}`, color},
		{text: register, color: theme.accent},
		{
			text:
				barWidth >= 2
					? bar(row.progress, barWidth, theme.glyphs.barFull, theme.glyphs.barEmpty, theme.glyphs.barPartials) + ' '
					: ' '.repeat(Math.max(0, rest - word.length)),
			color,
		},
	];
}

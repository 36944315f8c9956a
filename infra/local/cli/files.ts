/** The files named on the command line (folders walked), each with the object key it is uploaded to. */
import { readdir, stat } from "node:fs/promises";
import { basename, join, relative, resolve, sep } from "node:path";
import { INCOMING_PREFIX } from "../../../shared/contract/keys";
import { InputError } from "../../../shared/errors";

export class SourceFileError extends InputError {
  override readonly name = "SourceFileError";
}

export interface SourceFile {
  /** As the user named it (for messages). */
  display: string;
  path: string;
  /** `incoming/<name>`; for a folder, `incoming/<path below the folder>`. */
  key: string;
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith(".")) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(path)));
    else if (entry.isFile()) found.push(path);
  }
  return found;
}

function toKey(path: string): string {
  return INCOMING_PREFIX + path.split(sep).join("/");
}

export async function collectSourceFiles(args: readonly string[]): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const arg of args) {
    const path = resolve(arg);
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new SourceFileError("no such file or folder", arg);
    if (info.isDirectory()) {
      const inside = await walk(path);
      if (inside.length === 0) throw new SourceFileError("the folder has no files", arg);
      for (const file of inside) {
        files.push({
          display: join(arg, relative(path, file)),
          path: file,
          key: toKey(relative(path, file)),
        });
      }
    } else {
      files.push({ display: arg, path, key: toKey(basename(path)) });
    }
  }
  const byKey = new Map<string, SourceFile>();
  for (const file of files) {
    const other = byKey.get(file.key);
    if (other && other.path !== file.path) {
      throw new SourceFileError(
        `would be uploaded to the same key ${file.key} as ${other.display}; rename one of them`,
        file.display,
      );
    }
    byKey.set(file.key, file);
  }
  return [...byKey.values()];
}

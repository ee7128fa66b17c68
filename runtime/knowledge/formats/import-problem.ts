// What is wrong with an imported knowledge-base file, and where: file, line (CSV rows, Markdown
// front matter) or JSON path. An import reports every problem and then writes nothing.

export interface ImportProblem {
  file: string;
  /** 1-based line, when the problem is on one. */
  line?: number;
  /** JSON path inside a knowledge-base document, e.g. `articles[3].title`. */
  path?: string;
  message: string;
}

/** `file:line: message` or `file: path: message`, the way compilers print. */
export function formatImportProblem(p: ImportProblem): string {
  return `${p.file}${p.line !== undefined ? `:${p.line}` : ''}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

export type ImportResult<T> = { ok: true; value: T } | { ok: false; problems: ImportProblem[] };

/**
 * Local data beside a scenario: `{ csv: file.csv, column: name }` stands for the numbers in one
 * column (an hourly arrival profile, a length-of-stay sample); `{ csv: file.csv }` for the rows as
 * mappings (a staff list: one staff pool per row, merged by id). Paths are relative to the file that
 * names them. Cells are located by file, line and column for error messages.
 */
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { clip, clipPath, ScenarioError, snippet } from './errors.js';
import { type FileAccess, isInside, readFailure, realPath } from './files.js';
import type { SourceLocation } from './location.js';
import { checkUniqueItems } from './merge.js';
import { FORBIDDEN_KEYS, formatPath } from './paths.js';
import { isTreeObject, locationOf, setLocation, type Tree, type TreeObject } from './source.js';

const MAX_ROWS = 1_000_000;
// No leading +: in a scenario `+20` is a change of an inherited value, and CSV rows inherit nothing.
const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const SIGNED_PLUS = /^\+\s*(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?$/;

function refusePlus(cell: string, location: SourceLocation, fieldPath: string): void {
  if (!SIGNED_PLUS.test(cell)) return;
  throw new ScenarioError({
    location,
    fieldPath,
    problem: `${snippet(cell)}: a leading + marks a change of an inherited value, and CSV data inherits nothing`,
    expected: `a plain number (${cell.slice(1).trim()})`,
  });
}

/** Whether a value is a CSV reference. */
function isCsvReference(value: Tree): value is TreeObject & { csv: string } {
  return (
    isTreeObject(value) &&
    typeof value.csv === 'string' &&
    Object.keys(value).every((k) => k === 'csv' || k === 'column')
  );
}

/** Replaces every CSV reference in the tree (in place) with the data it names. */
export function resolveCsvReferences(root: Tree, access: FileAccess): Tree {
  const visit = (node: Tree, path: (string | number)[]): Tree => {
    if (isCsvReference(node)) return readCsvReference(node, access, formatPath(root, path));
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        node[i] = visit(item, [...path, i]);
      });
    } else if (isTreeObject(node)) {
      for (const key of Object.keys(node)) node[key] = visit(node[key], [...path, key]);
    }
    return node;
  };
  return visit(root, []);
}

interface CsvRecord {
  record: Record<string, string>;
  info: { lines: number };
}

/** The parsed rows of a CSV file, and where each cell is, for error messages. */
interface CsvTable {
  records: CsvRecord[];
  header: string[];
  display: string;
  cellLocation(line: number, name: string): SourceLocation;
}

function readCsvReference(
  reference: TreeObject & { csv: string },
  access: FileAccess,
  fieldPath: string,
): Tree {
  const where = locationOf(reference, 'csv') ?? { file: '(unknown)' };
  const column = reference.column;
  if (column !== undefined && typeof column !== 'string') {
    throw new ScenarioError({
      location: locationOf(reference, 'column') ?? where,
      fieldPath: `${fieldPath}.column`,
      problem: `got ${snippet(column)}`,
      expected: 'a column name',
    });
  }
  const { absolute, display } = allowedCsvPath(reference.csv, where, access, fieldPath);
  const table = parseCsv(readCsvText(access, absolute, display, where, fieldPath), display, fieldPath);
  if (column === undefined) return rowsOf(table, where, fieldPath);
  if (!table.header.includes(column)) {
    throw new ScenarioError({
      location: locationOf(reference, 'column') ?? where,
      fieldPath: `${fieldPath}.column`,
      problem: `no column '${column}' in '${display}'`,
      expected: `one of the columns ${table.header.join(', ')}`,
    });
  }
  return columnOf(table, column, where, fieldPath);
}

/**
 * Only files in the folder of the file that names them, or below it: a scenario from someone else
 * must not read arbitrary files (/etc/..., ../../secrets.csv) into its configuration.
 */
function allowedCsvPath(
  csv: string,
  where: SourceLocation,
  access: FileAccess,
  fieldPath: string,
): { absolute: string; display: string } {
  const folder = path.dirname(path.resolve(where.file));
  const absolute = path.resolve(folder, csv);
  const relative = path.relative(folder, absolute);
  if (path.isAbsolute(csv) || relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new ScenarioError({
      location: where,
      fieldPath: `${fieldPath}.csv`,
      problem: `'${clip(csv)}' is ${path.isAbsolute(csv) ? 'an absolute path' : 'outside the folder of this file'}`,
      expected:
        'a CSV file in the folder of the file that names it, or below it (a relative path without ..)',
    });
  }
  // The same on the real path: a symlink inside the folder must not lead outside it.
  const real = realPath(absolute);
  if (!isInside(real, realPath(folder)) && access.rootOf(real) === undefined) {
    throw new ScenarioError({
      location: where,
      fieldPath: `${fieldPath}.csv`,
      problem: `'${clip(csv)}' is a link to ${clip(real)}, outside the folder of this file`,
      expected:
        'a CSV file in the folder of the file that names it, or below it, or a folder allowed explicitly',
    });
  }
  return { absolute, display: path.join(path.dirname(where.file), relative) };
}

function readCsvText(
  access: FileAccess,
  absolute: string,
  display: string,
  where: SourceLocation,
  fieldPath: string,
): string {
  try {
    return access.read(absolute, 'csv');
  } catch (error) {
    const reason = readFailure(error);
    throw new ScenarioError({
      location: where,
      fieldPath: `${fieldPath}.csv`,
      problem: `cannot read CSV file '${clipPath(display)}' (${reason})`,
      expected: 'a CSV file, path relative to the file that names it',
    });
  }
}

function parseCsv(text: string, display: string, fieldPath: string): CsvTable {
  const lines = text.split(/\r?\n/);
  let records: CsvRecord[];
  let forbidden: string | undefined;
  try {
    records = parse(text, {
      // Header names become keys of each row: refuse the ones that would reach a prototype.
      columns: (names: string[]) => {
        forbidden = names.find((name) => FORBIDDEN_KEYS.has(name));
        return forbidden === undefined ? names : names.map(() => false as const);
      },
      skip_empty_lines: true,
      trim: true,
      comment: '#',
      // Stop parsing one row past the limit: a million-row file is refused without building it all.
      to: MAX_ROWS + 1,
      info: true,
      bom: true,
    }) as CsvRecord[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new ScenarioError({
      location: { file: display, line: line ?? 1, column: 1 },
      fieldPath,
      problem: `CSV syntax error: ${clip(String((error as Error)?.message ?? error))}`,
      expected: 'comma-separated values with a header row',
    });
  }
  if (forbidden !== undefined) {
    const headerLine = lines.findIndex((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
    throw new ScenarioError({
      location: { file: display, line: headerLine + 1, column: 1 },
      fieldPath,
      problem: `the column name '${forbidden}' is not allowed`,
      expected: 'column names that are field names',
    });
  }
  if (records.length > MAX_ROWS) {
    throw new ScenarioError({
      location: { file: display },
      fieldPath,
      problem: `more than ${MAX_ROWS.toLocaleString('en-GB')} rows`,
      expected: `at most ${MAX_ROWS} rows`,
    });
  }
  const header =
    records.length > 0 ? Object.keys(records[0].record) : (lines[0] ?? '').split(',').map((h) => h.trim());
  const cellLocation = (line: number, name: string): SourceLocation => {
    const index = header.indexOf(name);
    const cells = (lines[line - 1] ?? '').split(',');
    const offset = cells.slice(0, Math.max(index, 0)).reduce((sum, cell) => sum + cell.length + 1, 0);
    return { file: display, line, column: offset + 1 };
  };
  return { records, header, display, cellLocation };
}

/** `{ csv, column }`: the numbers in one column. */
function columnOf(table: CsvTable, column: string, where: SourceLocation, fieldPath: string): Tree {
  const values: Tree[] = [];
  const keys = new Map<string | number, SourceLocation>();
  table.records.forEach(({ record, info }, i) => {
    const cell = record[column] ?? '';
    const location = table.cellLocation(info.lines, column);
    refusePlus(cell, location, `${fieldPath}[${i}]`);
    if (!NUMBER.test(cell)) {
      throw new ScenarioError({
        location,
        fieldPath: `${fieldPath}[${i}]`,
        problem: `'${clip(cell)}' in column '${clip(column)}'`,
        expected: 'a number',
      });
    }
    values.push(Number(cell));
    keys.set(i, location);
  });
  setLocation(values, where, keys);
  return values;
}

/** `{ csv }`: the rows as mappings (empty cells left out), with ids unique. */
function rowsOf(table: CsvTable, where: SourceLocation, fieldPath: string): Tree {
  const rows: Tree[] = [];
  const rowKeys = new Map<string | number, SourceLocation>();
  table.records.forEach(({ record, info }, i) => {
    const row: TreeObject = {};
    const keys = new Map<string | number, SourceLocation>();
    for (const [name, cell] of Object.entries(record)) {
      if (cell === '') continue;
      refusePlus(cell, table.cellLocation(info.lines, name), `${fieldPath}[${i}].${name}`);
      row[name] = NUMBER.test(cell) ? Number(cell) : cell === 'true' ? true : cell === 'false' ? false : cell;
      keys.set(name, table.cellLocation(info.lines, name));
    }
    const rowLocation = { file: table.display, line: info.lines, column: 1 };
    setLocation(row, rowLocation, keys);
    rows.push(row);
    rowKeys.set(i, rowLocation);
  });
  setLocation(rows, where, rowKeys);
  checkUniqueItems(rows, where, fieldPath);
  return rows;
}

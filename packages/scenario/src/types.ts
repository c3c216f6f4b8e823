/** The loader's public result and option types. */
import type { SystemConfig } from '@carepool/model';
import type { NetworkConfig } from '@carepool/network';

/** One swept parameter: a `--set` path and the values it takes (numbers, or `--set` value forms like `+10%`). */
export interface SweepParameter {
  /** Path in the `--set` syntax, e.g. `workforce.staffPools[trustA.wardRn].establishmentWte`. */
  path: string;
  /** Values in order; `{ from, to, step }` in the file is expanded to this list at load. */
  values: (number | string)[];
}

/** A parameter grid declared in a scenario file: the runner runs the cartesian product of all values. */
export interface SweepSpec {
  parameters: SweepParameter[];
}

/** One file a scenario was read from. */
export interface ScenarioSource {
  /** Absolute real path (symlinks followed). */
  path: string;
  /** The scenario given to the loader, a file in its `extends` chain, or a CSV data file. */
  role: 'scenario' | 'extends' | 'csv';
  /** SHA-256 (hex) of the bytes read. */
  sha256: string;
}

/** What every loaded scenario records about the files it came from. */
interface Provenance {
  /** Every file read: the scenario first, then its `extends` chain in order, then CSV files (each once). */
  sources: ScenarioSource[];
  /** Absolute real paths: the scenario, the file it extends, the file that one extends, ... */
  extendsChain: string[];
  /** The file's `expectations:` for `carepool check`, as written (inherited through `extends`); not hashed. */
  expectations?: string[];
}

/** A loaded, validated, fully resolved scenario. */
export type LoadedScenario =
  | ({
      kind: 'system';
      config: SystemConfig;
      /** The file as given to the loader. */
      file: string;
      sweep?: SweepSpec;
      /** SHA-256 (hex) of the canonical JSON of `config` (and `sweep`): equal configs, equal hashes. */
      hash: string;
    } & Provenance)
  | ({
      kind: 'network';
      config: NetworkConfig;
      file: string;
      hash: string;
    } & Provenance);

/** Reads a file for `extends` and CSV data: an absolute path in, its text out (throw if missing). */
export type FileReader = (absolutePath: string) => string;

export interface LoadOptions {
  /** `--set` overrides, applied in order after `extends` and before validation of the result: `path=value`. */
  overrides?: string[];
  /**
   * Folders the user allows explicitly: `extends` and CSV files may lie inside them as well as inside
   * the scenario's own folder tree (checked on real paths, after following symlinks).
   */
  allowDirs?: string[];
  /** The folder `extends: builtin:<name>` reads from. Default: the scenarios installed with carepool. */
  builtinDir?: string;
}

export interface ParseOptions extends LoadOptions {
  /** How `extends` and CSV paths are read. Without it, `parseScenarioText` refuses to read other files. */
  readFile?: FileReader;
}

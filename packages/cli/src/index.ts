export type { CareArmConfig } from './care-model.js';
export { careModel } from './care-model.js';
export { CliError, ExitCode, UsageError } from './errors.js';
export type { CliIo } from './io.js';
export { memoryIo, processIo } from './io.js';
export { main, parseCommandLine } from './main.js';

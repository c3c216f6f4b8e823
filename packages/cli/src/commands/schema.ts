/** `carepool schema [--out FILE]`: the JSON Schema of scenario files, for editors and other tools. */
import { scenarioJsonSchema } from '@carepool/scenario';
import type { CliIo } from '../io.js';
import { writeFileAtomically } from '../write-output.js';
import { resolvePath } from './validate.js';

export function schemaCommand(io: CliIo, args: { out?: string; quiet: boolean }): number {
  const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
  if (args.out === undefined) {
    io.stdout(text);
  } else {
    writeFileAtomically(resolvePath(io, args.out), text);
    if (!args.quiet) io.stderr(`wrote ${args.out}\n`);
  }
  return 0;
}

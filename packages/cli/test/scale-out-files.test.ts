/**
 * The committed job files of docs/scale-out are valid for their schedulers: the Kubernetes Jobs
 * against the Kubernetes API schema (kubernetes-models), the GitHub Actions workflow against
 * GitHub's own workflow parser, the Slurm scripts by bash's parser; every one of them ends in a merge
 * and runs the same experiment in every shard. (The Slurm files also run for real: .ci/slurm-test.sh.)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { Job } from 'kubernetes-models/batch/v1';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { REPO_ROOT } from './helpers.js';

const DIR = join(REPO_ROOT, 'docs/scale-out');
const read = (f: string) => readFileSync(join(DIR, f), 'utf8');

describe('docs/scale-out job files', () => {
  it('the Kubernetes Indexed Job and its merge Job validate against the Kubernetes API schema', () => {
    const docs = parseAllDocuments(read('kubernetes-indexed-job.yaml')).map((d) => d.toJS());
    expect(docs.map((d) => d.metadata.name)).toEqual(['carepool-shards', 'carepool-merge']);
    for (const d of docs) expect(() => new Job(d).validate()).not.toThrow();
    expect(docs[0].spec.completionMode).toBe('Indexed');
    expect(docs[0].spec.template.spec.containers[0].args[0]).toMatch(
      /--shard "\$\(\(JOB_COMPLETION_INDEX \+ 1\)\)\/\$SHARDS"/,
    );
    expect(docs[1].spec.template.spec.containers[0].args[0]).toMatch(/carepool\.mjs merge /);
  });

  it('the GitHub Actions matrix workflow parses with GitHub’s workflow parser and ends in a merge job', async () => {
    const parsed = parseWorkflow(
      { name: 'github-actions-matrix.yml', content: read('github-actions-matrix.yml') },
      new NoOperationTraceWriter(),
    );
    expect(parsed.context.errors.getErrors()).toEqual([]);
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
    expect(template.errors ?? []).toEqual([]);
    expect(template.jobs.map((j) => j.id.toString())).toEqual(['shard', 'merge']);
  });

  it('the Slurm scripts are valid bash and the shards and merge agree on the folders', () => {
    for (const f of ['carepool-shards.sbatch', 'carepool-merge.sbatch', 'submit-slurm.sh']) {
      const r = spawnSync('bash', ['-n', join(DIR, f)], { encoding: 'utf8' });
      expect(r.status, `${f}: ${r.stderr}`).toBe(0);
    }
    expect(read('carepool-shards.sbatch')).toMatch(/--shard "\$K\/\$N" --out "\$OUT\/shard-\$K"/);
    expect(read('carepool-merge.sbatch')).toMatch(/shards\+=\("\$OUT\/shard-\$k"\)/);
    expect(read('submit-slurm.sh')).toMatch(/--dependency="afterok:\$array"/);
  });
});

/** OPEL thresholds: their own place (`escalation`), and the mutual-aid settings older files use. */
import path from 'node:path';
import { parseScenarioText } from '@carepool/scenario';
import { describe, expect, it } from 'vitest';
import { errorOf, fromDisk, root, system } from './helpers.js';

/** The mini ICS with `yaml` merged over it. */
const variant = (yaml: string) =>
  parseScenarioText(`extends: ./mini-ics.yaml\n${yaml}`, path.join(root, 'scenarios/test/variant.yaml'), {
    readFile: fromDisk,
  });
const mutualAid = (thresholds: string) =>
  `workforce: { policySettings: { mutualAid: { opelThresholds: ${thresholds} } } }\n`;

describe('escalation.opelThresholds', () => {
  it('loads in its own place, alone or with equal thresholds in the mutual-aid settings', () => {
    const given = system(variant('')).workforce.policySettings.mutualAid.opelThresholds ?? [];
    const both = system(variant(`escalation: { opelThresholds: [${given.join(', ')}] }\n`));
    expect(both.escalation?.opelThresholds).toEqual(given);
    const own = system(variant(`escalation: { opelThresholds: [0.5, 0.6, 0.7] }\n${mutualAid('null')}`));
    expect(own.escalation?.opelThresholds).toEqual([0.5, 0.6, 0.7]);
    expect(own.workforce.policySettings.mutualAid.opelThresholds).toBeUndefined();
  });

  it('refuses thresholds that do not rise, or differ between the two places', () => {
    let error = errorOf(() => variant('escalation: { opelThresholds: [0.9, 0.8, 0.95] }\n'));
    expect(error.fieldPath).toBe('escalation.opelThresholds');
    expect(error.message).toContain('do not rise');
    error = errorOf(() =>
      variant(`escalation: { opelThresholds: [0.5, 0.6, 0.7] }\n${mutualAid('[0.8, 0.9, 0.95]')}`),
    );
    expect(error.fieldPath).toBe('workforce.policySettings.mutualAid.opelThresholds');
    expect(error.message).toContain('differ from escalation.opelThresholds');
  });
});

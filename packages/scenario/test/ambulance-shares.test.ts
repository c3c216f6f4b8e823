/** Ambulance shares the model can run: they must fit the ED's admission share. */
import path from 'node:path';
import { parseScenarioText } from '@carepool/scenario';
import { describe, expect, it } from 'vitest';
import { errorOf, fromDisk, root, system } from './helpers.js';

const withAmbulance = (admissionShare: number, admittedShare: number) =>
  parseScenarioText(
    [
      'extends: ./mini-ics.yaml',
      'emergencyDepartments:',
      `  - { id: trustA.ed, admissionShare: ${admissionShare}, ambulance: { arrivalShare: 0.3, admittedShare: ${admittedShare}, priorityMinutes: 0 } }`,
    ].join('\n'),
    path.join(root, 'scenarios/test/variant.yaml'),
    { readFile: fromDisk },
  );

describe('emergencyDepartments[].ambulance', () => {
  it('loads shares that fit admissionShare', () => {
    expect(system(withAmbulance(0.3, 0.6)).emergencyDepartments[0].ambulance?.admittedShare).toBe(0.6);
  });

  it('refuses more admitted ambulance arrivals than admissions', () => {
    const error = errorOf(() => withAmbulance(0.1, 0.6));
    expect(error.fieldPath).toBe('emergencyDepartments[trustA.ed].ambulance.admittedShare');
    expect(error.message).toContain('do not fit admissionShare 0.1');
  });
});

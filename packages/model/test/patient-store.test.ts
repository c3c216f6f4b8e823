import { describe, expect, it } from 'vitest';
import { PatientStore } from '../src/flow/patients.js';

describe('PatientStore', () => {
  it('allocates every column and keeps what they hold when it grows', () => {
    const P = new PatientStore(2);
    const ids = [P.allocate(), P.allocate()];
    P.arrivalAt[ids[1]] = 12.5;
    P.ward[ids[1]] = 7;
    P.edStream[ids[1]] = 2;
    ids.push(P.allocate());
    expect(P.capacity).toBe(4);
    // Every declared field is an own property (class fields are defined, target ES2022), so a column
    // left out of the name lists shows here as undefined.
    for (const [name, value] of Object.entries(P)) {
      if (typeof value === 'number') continue;
      expect(ArrayBuffer.isView(value), name).toBe(true);
      expect((value as Float64Array).length, name).toBe(4);
    }
    expect(ids.map((id) => P.serial[id])).toEqual([1, 2, 3]);
    expect([P.arrivalAt[ids[1]], P.ward[ids[1]], P.edStream[ids[1]]]).toEqual([12.5, 7, 2]);
  });
});

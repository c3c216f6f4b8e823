/** Station theory agrees with itself where the models meet, and with the per-minute formulas. */
import { describe, expect, it } from 'vitest';
import {
  erlangLossTheory,
  jacksonArrivalRates,
  mg1Theory,
  mmcMeanWaitMinutes,
  mmcTheory,
  priorityTheory,
  tandemBlockingTheory,
} from '../src/index.js';

describe('station theory', () => {
  it('M/M/c matches the per-minute Erlang C wait', () => {
    const t = mmcTheory({ ratePerHour: 9, serviceMeanHours: 1, servers: 10 });
    const minutes = mmcMeanWaitMinutes({ arrivalsPerMinute: 9 / 60, meanServiceMinutes: 60, servers: 10 });
    expect(t.waitInQueueHours * 60).toBeCloseTo(minutes, 9);
    expect(t.utilisationShare).toBeCloseTo(0.9, 12);
  });

  it('one priority class is M/G/1, preemptive or not; Erlang loss carries the unblocked load', () => {
    const mg1 = mg1Theory({ ratePerHour: 1, serviceMeanHours: 0.7, serviceSecondMomentHours2: 0.74 });
    for (const preemptive of [false, true]) {
      const [only] = priorityTheory(
        [{ ratePerHour: 1, serviceMeanHours: 0.7, serviceSecondMomentHours2: 0.74 }],
        preemptive,
      );
      expect(only.waitInQueueHours).toBeCloseTo(mg1.waitInQueueHours, 9);
      expect(only.timeInSystemHours).toBeCloseTo(mg1.timeInSystemHours, 9);
    }
    const loss = erlangLossTheory({ ratePerHour: 2, serviceMeanHours: 1.5, servers: 4 });
    expect(loss.throughputPerHour).toBeCloseTo(2 * (1 - loss.blockingShare), 12);
    expect(() =>
      priorityTheory([{ ratePerHour: 2, serviceMeanHours: 0.6, serviceSecondMomentHours2: 1 }], false),
    ).toThrow(/unstable/);
  });

  it('tandem with large buffers approaches two M/M/1 queues; Jackson solves λ = γ + λP', () => {
    const [a, b] = tandemBlockingTheory({
      ratePerHour: 0.5,
      serviceMeanHours1: 1,
      serviceMeanHours2: 0.8,
      queueCapacity1: 60,
      queueCapacity2: 60,
    });
    expect(a.timeInSystemHours).toBeCloseTo(1 / (1 - 0.5), 6);
    expect(b.timeInSystemHours).toBeCloseTo(0.8 / (1 - 0.4), 6);
    const [first, second] = jacksonArrivalRates(
      [1, 0],
      [
        [0, 1],
        [0.25, 0],
      ],
    );
    expect(first).toBeCloseTo(1 / 0.75, 12);
    expect(second).toBeCloseTo(1 / 0.75, 12);
  });
});

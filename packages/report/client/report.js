/*
 * The report's charts, drawn in the browser with Observable Plot (inlined before this script) from
 * the JSON in #report-data. Every chart gets a text alternative and its data table; the scope switch
 * redraws them for the whole system or one organisation. Colours: the Okabe–Ito palette, with
 * shapes as well as colours for verdicts, so no reading depends on telling colours apart.
 */
(() => {
  const data = JSON.parse(document.getElementById('report-data').textContent);
  const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#F0E442'];
  const ARM_COLOURS = data.arms.map((_, i) => OKABE_ITO[i % OKABE_ITO.length]);
  const VERDICTS = {
    better: { colour: '#0072B2', symbol: 'circle', fill: true },
    worse: { colour: '#D55E00', symbol: 'triangle', fill: true },
    'no detectable difference': { colour: '#6b6b6b', symbol: 'circle', fill: false },
    'not judged': { colour: '#6b6b6b', symbol: 'diamond', fill: false },
  };
  const UNIT_SUFFIX = { percent: '%', hours: ' h', days: ' days', gbp: '', count: '' };
  let scope = data.scopes[0].id;

  const number = (v, digits = 3) =>
    v === null || !Number.isFinite(v) ? '–' : Number(v.toPrecision(digits)).toLocaleString('en-GB');
  const withUnit = (v, unit) => (unit === 'gbp' ? `£${number(v)}` : `${number(v)}${UNIT_SUFFIX[unit] ?? ''}`);
  const scopeName = () => data.scopes.find((s) => s.id === scope)?.name ?? scope;
  const armScale = { type: 'ordinal', domain: data.arms, range: ARM_COLOURS, legend: true };

  function width(el) {
    return Math.max(320, Math.min(el.clientWidth || 720, 960));
  }

  function table(columns, rows) {
    const head = columns.map((c) => `<th scope="col">${c.label}</th>`).join('');
    const body = rows
      .map((r) => `<tr>${columns.map((c) => `<td>${escapeHtml(c.value(r))}</td>`).join('')}</tr>`)
      .join('');
    return `<table class="chart-data"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
  }

  /** A data table's columns for a mean and its interval: arm, mean, low, high (labels ending in `unit`). */
  function intervalColumns(unit) {
    return [
      { label: 'arm', value: (r) => r.arm },
      { label: `mean${unit}`, value: (r) => number(r.mean) },
      { label: `low${unit}`, value: (r) => number(r.low) },
      { label: `high${unit}`, value: (r) => number(r.high) },
    ];
  }

  function escapeHtml(text) {
    return String(text).replace(
      /[&<>"]/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c],
    );
  }

  /** Puts a chart (or a note that there is nothing to draw) in its figure, with alt text and data table. */
  function place(id, chart, alt, dataTable) {
    const box = document.querySelector(`[data-chart="${id}"]`);
    if (!box) return;
    box.replaceChildren();
    const altBox = document.querySelector(`[data-alt="${id}"]`);
    const tableBox = document.querySelector(`[data-table="${id}"]`);
    const figure = box.closest('figure');
    if (chart === null) {
      box.dataset.state = 'empty';
      box.textContent = `Not reported for ${scopeName()}.`;
      if (altBox) altBox.textContent = '';
      if (tableBox) tableBox.innerHTML = '';
      if (figure) figure.classList.add('empty');
      return;
    }
    if (figure) figure.classList.remove('empty');
    for (const node of Array.isArray(chart) ? chart : [chart]) box.append(node);
    box.dataset.state = 'drawn';
    box.setAttribute('aria-label', alt);
    if (altBox) altBox.textContent = alt;
    if (tableBox) tableBox.innerHTML = dataTable;
  }

  function drawStandards() {
    const blocks = [];
    const alts = [];
    const rows = data.standardRows.filter((r) => r.scope === scope);
    for (const metric of [...new Set(data.standards.map((s) => s.metric))]) {
      const here = rows.filter((r) => r.metric === metric && Number.isFinite(r.mean));
      if (here.length === 0) continue;
      const rules = data.standards.filter((s) => s.metric === metric);
      const label =
        metric === 'ed.fourHourShare' ? 'within four hours (%)' : 'over 12 hours from arrival (%)';
      blocks.push(
        Plot.plot({
          width: width(document.querySelector('[data-chart="standards"]')),
          height: 40 + 28 * here.length,
          marginLeft: 160,
          x: {
            label,
            grid: true,
            domain: [0, Math.max(100 * rules[0].thresholdShare * 1.3, ...here.map((r) => r.high))],
          },
          y: { label: null, domain: data.arms },
          color: armScale,
          marks: [
            Plot.ruleX(rules, { x: 'thresholdPercent', strokeDasharray: '4,3', stroke: '#444' }),
            Plot.text(rules, {
              x: 'thresholdPercent',
              text: 'label',
              frameAnchor: 'top',
              dy: -2,
              fontSize: 10,
              lineAnchor: 'bottom',
            }),
            Plot.ruleY(here, { y: 'arm', x1: 'low', x2: 'high', stroke: 'arm', strokeWidth: 2 }),
            Plot.dot(here, {
              y: 'arm',
              x: 'mean',
              fill: 'arm',
              r: 4,
              title: (r) => `${r.arm}: ${number(r.mean)}% (${number(r.low)}–${number(r.high)}%)`,
            }),
          ],
        }),
      );
      alts.push(
        `${label}: ${here.map((r) => `${r.arm} ${number(r.mean)}% (interval ${number(r.low)} to ${number(r.high)}%)`).join('; ')}; standards at ${rules.map((s) => `${s.thresholdPercent}%`).join(' and ')}.`,
      );
    }
    const cols = [{ label: 'outcome', value: (r) => r.metric }, ...intervalColumns(' %')];
    place('standards', blocks.length ? blocks : null, alts.join(' '), table(cols, rows));
  }

  function drawForest() {
    const rows = data.forest.filter((r) => r.scope === scope && r.arm !== data.baseline);
    const shown = rows.filter(
      (r) => Number.isFinite(r.pct) && Number.isFinite(r.pctLow) && Number.isFinite(r.pctHigh),
    );
    const outcomes = [...new Set(shown.map((r) => r.outcome))];
    const arms = data.arms.filter((a) => a !== data.baseline);
    const chart = shown.length
      ? Plot.plot({
          width: width(document.querySelector('[data-chart="forest"]')),
          height: 50 + outcomes.length * (14 * arms.length + 14),
          marginLeft: 250,
          marginRight:
            arms.length > 1 ? Math.min(260, 20 + 6.5 * Math.max(...arms.map((a) => a.length))) : 20,
          x: { label: 'change from the baseline’s mean (%)', grid: true },
          fy: { label: null, domain: outcomes, axis: null, padding: 0.15 },
          y: { label: null, domain: arms, axis: arms.length > 1 ? 'right' : null },
          color: {
            domain: Object.keys(VERDICTS),
            range: Object.values(VERDICTS).map((v) => v.colour),
            legend: true,
          },
          symbol: { domain: Object.keys(VERDICTS), range: Object.values(VERDICTS).map((v) => v.symbol) },
          marks: [
            Plot.ruleX([0], { stroke: '#222' }),
            Plot.ruleY(shown, {
              fy: 'outcome',
              y: 'arm',
              x1: 'pctLow',
              x2: 'pctHigh',
              stroke: 'verdict',
              strokeWidth: 2,
            }),
            // Filled marks for a verdict either way; hollow ones where the interval cannot tell.
            ...[true, false].map((filled) =>
              Plot.dot(
                shown.filter((r) => Boolean(VERDICTS[r.verdict]?.fill) === filled),
                {
                  fy: 'outcome',
                  y: 'arm',
                  x: 'pct',
                  stroke: 'verdict',
                  symbol: 'verdict',
                  fill: filled ? 'verdict' : 'white',
                  r: 4,
                  title: (r) =>
                    `${r.outcome}, ${r.arm}: ${withUnit(r.diff, r.unit)} (${withUnit(r.low, r.unit)} to ${withUnit(r.high, r.unit)}); ${r.verdict}`,
                },
              ),
            ),
            Plot.axisFy({ anchor: 'left', label: null, lineWidth: 19, fontSize: 10 }),
            Plot.frame({ stroke: '#eee', anchor: 'bottom' }),
          ],
        })
      : null;
    const unclear = shown.filter((r) => r.pctLow <= 0 && r.pctHigh >= 0).length;
    const alt = `Forest plot of ${shown.length} paired differences against ${data.baseline} for ${scopeName()}: ${shown.filter((r) => r.verdict === 'better').length} better, ${shown.filter((r) => r.verdict === 'worse').length} worse, ${unclear} intervals crossing zero.`;
    const cols = [
      { label: 'outcome', value: (r) => r.outcome },
      { label: 'arm', value: (r) => r.arm },
      { label: 'difference', value: (r) => withUnit(r.diff, r.unit) },
      { label: 'low', value: (r) => withUnit(r.low, r.unit) },
      { label: 'high', value: (r) => withUnit(r.high, r.unit) },
      { label: 'change %', value: (r) => number(r.pct) },
      { label: 'verdict', value: (r) => r.verdict },
    ];
    place('forest', chart, alt, table(cols, rows));
  }

  function drawDaily(c) {
    const series = data.daily.filter((s) => s.metric === c.metric && s.scope === scope);
    const points = series.flatMap((s) =>
      s.dates.map((d, i) => ({
        arm: s.arm,
        date: new Date(`${d}T00:00:00Z`),
        day: d,
        mean: s.mean[i],
        low: s.low[i],
        high: s.high[i],
      })),
    );
    const id = `daily-${c.metric}`;
    if (points.length === 0) return place(id, null, '', '');
    const rules = data.standards.filter((s) => s.metric === c.metric && c.unit === 'percent');
    const chart = Plot.plot({
      width: width(document.querySelector(`[data-chart="${id}"]`)),
      height: 220,
      x: { type: 'utc', label: null },
      y: { label: `${c.unit === 'percent' ? '%' : c.unit}`, grid: true, zero: c.unit !== 'percent' },
      color: armScale,
      marks: [
        Plot.areaY(points, {
          x: 'date',
          y1: 'low',
          y2: 'high',
          fill: 'arm',
          fillOpacity: 0.18,
          curve: 'step',
        }),
        Plot.lineY(points, { x: 'date', y: 'mean', stroke: 'arm', strokeWidth: 1.4, curve: 'step' }),
        Plot.ruleY(rules, { y: 'thresholdPercent', strokeDasharray: '4,3', stroke: '#444' }),
        Plot.text(rules, {
          y: 'thresholdPercent',
          text: 'label',
          frameAnchor: 'right',
          dy: -6,
          fontSize: 10,
        }),
      ],
    });
    const summary = series.map((s) => {
      const v = s.mean.filter(Number.isFinite);
      return `${s.arm} from ${withUnit(Math.min(...v), c.unit)} to ${withUnit(Math.max(...v), c.unit)}, mean ${withUnit(v.reduce((a, b) => a + b, 0) / v.length, c.unit)}`;
    });
    const alt = `${c.title}, ${scopeName()}, ${series[0].dates[0]} to ${series[0].dates.at(-1)}: ${summary.join('; ')}.`;
    const cols = [{ label: 'date', value: (r) => r.day }, ...intervalColumns('')];
    place(id, chart, alt, table(cols, points));
  }

  function drawWait(c) {
    const id = `wait-${c.metric}`;
    const h = data.waits.find((w) => w.metric === c.metric && w.scope === scope);
    if (!h) return place(id, null, '', '');
    const points = h.arms.flatMap((a) =>
      a.share.map((s, i) => ({
        arm: a.arm,
        from: i * h.binWidth,
        to: (i + 1) * h.binWidth,
        percent: s === null ? null : s * 100,
      })),
    );
    // A step line per arm: each bin's level from its left edge to its right edge.
    const steps = h.arms.flatMap((a) => {
      const own = points.filter((p) => p.arm === a.arm);
      return [
        ...own.map((p) => ({ arm: p.arm, x: p.from, y: p.percent })),
        { arm: a.arm, x: own.at(-1).to, y: own.at(-1).percent },
      ];
    });
    const marks =
      c.metric === 'ed.timeInDepartmentMinutes' ? [4, 12].map((x) => ({ x, label: `${x} h` })) : [];
    const chart = Plot.plot({
      width: width(document.querySelector(`[data-chart="${id}"]`)),
      height: 220,
      x: { label: c.unit === 'hours' ? 'hours' : 'days', grid: true },
      y: { label: '% of patients', grid: true, zero: true },
      color: armScale,
      marks: [
        Plot.ruleX(marks, { x: 'x', strokeDasharray: '4,3', stroke: '#444' }),
        Plot.text(marks, { x: 'x', text: 'label', frameAnchor: 'top', dx: 12, fontSize: 10 }),
        Plot.lineY(steps, { x: 'x', y: 'y', z: 'arm', stroke: 'arm', curve: 'step-after', strokeWidth: 1.4 }),
      ],
    });
    const alt = `${c.title}, ${scopeName()}, in bins of ${h.binWidth} ${c.unit}: ${h.arms.map((a) => `${a.arm} ${a.patients.toLocaleString('en-GB')} patients, ${number((a.beyondShare ?? 0) * 100)}% beyond ${number(points.at(-1)?.to ?? 0)} ${c.unit}`).join('; ')}.`;
    const cols = [
      { label: 'arm', value: (r) => r.arm },
      { label: `from (${c.unit})`, value: (r) => number(r.from) },
      { label: `to (${c.unit})`, value: (r) => number(r.to) },
      { label: '% of patients', value: (r) => number(r.percent) },
    ];
    place(id, chart, alt, table(cols, points));
  }

  function drawTornado(t, i) {
    const id = `tornado-${i}`;
    const chart = Plot.plot({
      width: width(document.querySelector(`[data-chart="${id}"]`)),
      height: 50 + 30 * t.bars.length,
      marginLeft: 50,
      marginRight: 60,
      x: {
        label: `change from the base (${t.unit === 'percent' ? 'percentage points' : t.unit})`,
        grid: true,
      },
      y: { domain: t.bars.map((b) => b.parameter), axis: null },
      marks: [
        Plot.barX(t.bars, { y: 'parameter', x1: 'low', x2: 'high', fill: '#56B4E9' }),
        Plot.ruleX([0], { stroke: '#222' }),
        Plot.text(t.bars, {
          y: 'parameter',
          frameAnchor: 'left',
          text: 'parameter',
          dy: -11,
          fontSize: 10,
          textAnchor: 'start',
        }),
        Plot.text(t.bars, {
          y: 'parameter',
          x: 'low',
          text: (b) => b.lowPoint,
          textAnchor: 'end',
          dx: -3,
          fontSize: 9,
        }),
        Plot.text(t.bars, {
          y: 'parameter',
          x: 'high',
          text: (b) => b.highPoint,
          textAnchor: 'start',
          dx: 3,
          fontSize: 9,
        }),
      ],
    });
    const alt = `Tornado chart for ${t.name}, largest first: ${t.bars.map((b) => `${b.parameter} from ${withUnit(b.low, t.unit)} (${b.lowPoint}) to ${withUnit(b.high, t.unit)} (${b.highPoint})`).join('; ')}.`;
    const cols = [
      { label: 'input', value: (b) => b.parameter },
      { label: 'lowest change', value: (b) => withUnit(b.low, t.unit) },
      { label: 'at', value: (b) => b.lowPoint },
      { label: 'highest change', value: (b) => withUnit(b.high, t.unit) },
      { label: 'at', value: (b) => b.highPoint },
    ];
    place(id, chart, alt, table(cols, t.bars));
  }

  function render() {
    drawStandards();
    drawForest();
    for (const c of data.dailyCharts) drawDaily(c);
    for (const c of data.waitCharts) drawWait(c);
    if (data.tornado) data.tornado.forEach(drawTornado);
    document.body.dataset.scope = scope;
    document.body.dataset.rendered = 'true';
  }

  const select = document.getElementById('scope');
  if (select) {
    select.addEventListener('change', () => {
      scope = select.value;
      for (const el of document.querySelectorAll('.scoped')) el.hidden = el.dataset.scope !== scope;
      render();
    });
  }
  render();
})();

// The side-by-side of `make bench` (issue #8): the slacalc engine (wasm, one call per batch)
// and dayjs-business-time on the same deadlines, same hours, same holidays.
// window.slacalcBench: ready (a Promise), prepare(n), check(k), wasm(), js(), side_by_side().
(function () {
  'use strict';
  // Asia/Shanghai has been +08:00 without summer time since 1991, so dayjs runs in UTC mode
  // on wall-clock time shifted by +8 h: the result does not depend on the browser's zone.
  const OFFSET = 8 * 3600 * 1000;
  const MINUTE = 60 * 1000;
  const FIRST = Date.UTC(2025, 0, 1) - OFFSET; // 2025-01-01T00:00+08:00
  // Starts until 2026-11-01, so that the longest duration still ends inside the holiday list.
  const START_MINUTES = (Date.UTC(2026, 10, 1) - Date.UTC(2025, 0, 1)) / MINUTE;
  const MAX_MINUTES = 5 * 9 * 60; // five business days of 9 h
  const HOURS = [{ start: '09:00:00', end: '18:00:00' }];

  const state = { wasm: null, holidays: '', starts: null, minutes: null };

  // xorshift32 (Marsaglia): the same inputs on every run, in [0, 1).
  function generator(seed) {
    let x = seed >>> 0 || 1;
    return function () {
      x ^= x << 13;
      x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      return x / 4294967296;
    };
  }

  // Boundaries first (ending at a close, starting at one, before opening, into and out of
  // National Day 2025, on a make-up Sunday, which both sides treat as a weekend), as
  // [wall-clock time at +08:00, minutes].
  const EDGES = [
    ['2025-09-30T17:00', 60], ['2025-09-30T17:00', 61], ['2025-09-30T18:00', 1],
    ['2025-09-30T08:59', 1], ['2025-10-01T09:00', 540], ['2025-09-28T10:00', 30],
    ['2025-10-10T17:59', 2], ['2025-10-08T23:59', 541],
  ];

  // `n` deadlines to compute: after EDGES, starts on whole minutes (any time, open or closed),
  // durations log-uniform from 1 minute to five business days.
  function prepare(n) {
    const next = generator(20250101);
    const starts = new Float64Array(n);
    const minutes = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      if (i < EDGES.length) {
        starts[i] = Date.parse(EDGES[i][0] + ':00+08:00');
        minutes[i] = EDGES[i][1];
        continue;
      }
      starts[i] = FIRST + Math.floor(next() * START_MINUTES) * MINUTE;
      minutes[i] = Math.floor(Math.exp(next() * Math.log(MAX_MINUTES + 1)));
    }
    state.starts = starts;
    state.minutes = minutes;
    return { n, holidays: state.holidays.split(',').length };
  }

  function dayjsDeadline(start, minutes) {
    return dayjs.utc(start + OFFSET).addBusinessMinutes(minutes).valueOf() - OFFSET;
  }

  function iso(ms) {
    return new Date(ms + OFFSET).toISOString().replace('.000Z', '+08:00');
  }

  // Both sides on the first `k` inputs; the pairs that differ (at most 10 shown).
  function check(k) {
    const s = state.starts.subarray(0, k);
    const m = state.minutes.subarray(0, k);
    const ours = state.wasm.deadlines(state.holidays, s, m);
    const bad = [];
    let differ = 0;
    for (let i = 0; i < k; i++) {
      const theirs = dayjsDeadline(s[i], m[i]);
      if (theirs !== ours[i]) {
        differ++;
        if (bad.length < 10) {
          bad.push(`${iso(s[i])} + ${m[i]} min: wasm ${iso(ours[i])}, dayjs ${iso(theirs)}`);
        }
      }
    }
    return { compared: k, differ, examples: bad };
  }

  function wasm() {
    const t0 = performance.now();
    const sum = state.wasm.checksum(state.holidays, state.starts, state.minutes);
    return { ms: performance.now() - t0, sum };
  }

  function js() {
    const s = state.starts;
    const m = state.minutes;
    const t0 = performance.now();
    let sum = 0;
    for (let i = 0; i < s.length; i++) sum += dayjsDeadline(s[i], m[i]);
    return { ms: performance.now() - t0, sum };
  }

  function side_by_side(n = 100000, runs = 3) {
    prepare(n);
    const c = check(1000);
    const times = { wasm: [], js: [] };
    for (let r = 0; r < runs; r++) {
      times.wasm.push(wasm().ms);
      times.js.push(js().ms);
    }
    const out = { check: c, times };
    document.getElementById('out').textContent = JSON.stringify(out, null, 1);
    return out;
  }

  const ready = new Promise(function (resolve, reject) {
    function start() {
      const bindings = window.wasmBindings;
      if (!bindings) return false;
      state.wasm = bindings;
      state.holidays = bindings.prc_holidays(2025, 2026);
      dayjs.extend(dayjs_plugin_utc);
      dayjs.extend(module.exports);
      dayjs.setBusinessTime({
        sunday: null, monday: HOURS, tuesday: HOURS, wednesday: HOURS,
        thursday: HOURS, friday: HOURS, saturday: null,
      });
      dayjs.setHolidays(state.holidays.split(','));
      resolve({
        holidays: state.holidays.split(',').length,
        makeup_days_left_out: bindings.prc_makeup_days(2025, 2026).split(',').length,
      });
      return true;
    }
    if (!start()) {
      addEventListener('TrunkApplicationStarted', function () {
        if (!start()) reject(new Error('bench: the wasm module has no bindings'));
      });
    }
  });

  window.slacalcBench = { ready, prepare, check, wasm, js, side_by_side };
})();

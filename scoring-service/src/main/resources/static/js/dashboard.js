/*
 * The management dashboard: rankings (红黑榜), the three rates by month, late stages by department,
 * open and overdue requests, the ledger with its explanations and the appeals waiting. New entries
 * and SLA changes arrive over server-sent events and show without a reload. The 正式/试运行 switch
 * shows the same ledger, breaches and open requests filtered to drills, plus the trial-run report.
 */
(function () {
  'use strict';

  const charts = {};
  const state = { period: null, type: 'DEPARTMENT', ledger: [], drill: false };
  const LEDGER_ROWS = 50;

  const $ = id => document.getElementById(id);
  const pct = v => (v === null || v === undefined) ? '—' : (Math.round(v * 1000) / 10) + '%';
  const time = iso => iso ? new Date(iso).toLocaleString(fcr.language(), { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }) : '—';
  const label = (prefix, key) => { const k = prefix + '.' + key; const t = fcr.t(k); return t === k ? key : t; };
  const dept = code => code ? label('dept', code) : '—';
  const subject = a => (a.subjectType || a.type) === 'DEPARTMENT' ? dept(a.subjectId) : (a.subjectName || a.subjectId);
  const drillParam = () => state.drill ? '&drill=true' : '';

  function cell(tr, text, className) {
    const td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '' : String(text);
    if (className) td.className = className;
    tr.appendChild(td);
    return td;
  }

  function fill(tableId, rows, render) {
    const body = $(tableId).querySelector('tbody');
    body.replaceChildren();
    if (!rows.length) {
      const tr = document.createElement('tr');
      const td = cell(tr, fcr.t('none'));
      td.colSpan = $(tableId).querySelectorAll('th').length;
      body.appendChild(tr);
      return;
    }
    rows.forEach((row, i) => { const tr = document.createElement('tr'); render(tr, row, i); body.appendChild(tr); });
  }

  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init($(id));
    return charts[id];
  }

  async function loadRankings() {
    const r = await fcr.api('/api/rankings?period=' + state.period + '&type=' + state.type);
    const row = (tr, a, i, rank) => {
      cell(tr, rank(i)); cell(tr, subject(a));
      cell(tr, a.composite === null ? '—' : a.composite); cell(tr, a.points); cell(tr, a.fineYuan);
    };
    fill('red-list', r.top, (tr, a, i) => row(tr, a, i, n => n + 1));
    fill('black-list', r.bottom, (tr, a, i) => row(tr, a, i, n => r.ranked.length - n));
    const ranked = r.ranked.slice(0, 15);
    chart('chart-ranking').setOption({
      tooltip: {}, grid: { left: 110, right: 30, top: 10, bottom: 30 },
      xAxis: { type: 'value', max: 100 },
      yAxis: { type: 'category', inverse: true, data: ranked.map(subject) },
      series: [{ type: 'bar', name: fcr.t('composite'), data: ranked.map(a => a.composite === null ? 0 : a.composite),
        itemStyle: { color: p => p.dataIndex < 5 ? '#2e7d32' : (p.dataIndex >= ranked.length - 5 ? '#c62828' : '#1f5fbf') } }]
    }, true);
  }

  async function loadAssessments() {
    const all = await fcr.api('/api/assessments?period=' + state.period + '&type=' + state.type);
    fill('assessment-table', all, (tr, a) => {
      cell(tr, subject(a)); cell(tr, a.requests); cell(tr, pct(a.responseRate)); cell(tr, pct(a.resolutionRate));
      cell(tr, pct(a.satisfactionRate));
      cell(tr, Object.entries(a.onTimeRate).map(([stage, rate]) => label('stage', stage) + ' ' + pct(rate)).join('、') || '—');
      cell(tr, pct(a.repeatComplaintRate)); cell(tr, pct(a.returnRate)); cell(tr, a.escalations);
      cell(tr, a.points); cell(tr, a.fineYuan); cell(tr, a.composite === null ? '—' : a.composite);
    });
  }

  async function loadTrend() {
    const months = await fcr.api('/api/trend?month=' + state.period + '&months=6');
    const series = ['responseRate', 'resolutionRate', 'satisfactionRate'].map((key, i) => ({
      type: 'line', smooth: true, name: fcr.t(['rate.response', 'rate.resolution', 'rate.satisfaction'][i]),
      data: months.map(m => m[key] === null ? null : Math.round(m[key] * 1000) / 10), connectNulls: true
    }));
    chart('chart-trend').setOption({
      tooltip: { trigger: 'axis', valueFormatter: v => v === null ? '—' : v + '%' }, legend: { top: 0 },
      grid: { left: 40, right: 20, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: months.map(m => m.period) }, yAxis: { type: 'value', max: 100 }, series
    }, true);
  }

  async function loadBreaches() {
    const b = await fcr.api('/api/breaches?period=' + state.period + drillParam());
    $('breaches-source').textContent = fcr.t('source.' + b.source);
    const stages = [...new Set(b.cells.map(c => c.stage))];
    const departments = [...new Set(b.cells.map(c => c.department))];
    chart('chart-breaches').setOption({
      tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 40, right: 20, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: stages.map(s => label('stage', s)) }, yAxis: { type: 'value', minInterval: 1 },
      series: departments.map(d => ({ type: 'bar', stack: 'breaches', name: dept(d),
        data: stages.map(s => (b.cells.find(c => c.stage === s && c.department === d) || { breached: 0 }).breached) }))
    }, true);
  }

  async function loadOpen() {
    const open = await fcr.api('/api/open-requests' + (state.drill ? '?drill=true' : ''));
    $('open-count').textContent = open.length + ' / ' + open.filter(o => o.overdue).length + ' ' + fcr.t('overdue');
    fill('open-table', open.slice(0, 30), (tr, o) => {
      if (o.overdue) tr.className = 'overdue';
      tr.dataset.requestId = o.requestId;
      cell(tr, o.requestId); cell(tr, label('cat', o.category)); cell(tr, dept(o.department));
      cell(tr, o.stages.map(s => label('stage', s.stage) + (s.breached ? '⚠' : '')).join('、'));
      cell(tr, time(o.nextDeadline));
    });
  }

  async function loadSummary() {
    const s = await fcr.api('/api/summary?period=' + state.period);
    const box = $('summary');
    box.replaceChildren();
    const p = document.createElement('p');
    p.textContent = fcr.t('sum.requests') + ' ' + s.requests + ' · ' + fcr.t('sum.repeat') + ' ' + s.repeatComplaints
      + ' · ' + fcr.t('sum.escalations') + ' ' + s.escalations;
    box.appendChild(p);
    [['sum.byCategory', s.byCategory, 'cat'], ['sum.byDepartment', s.byDepartment, 'dept'], ['sum.revisits', s.revisits, 'sat']]
      .forEach(([title, counts, prefix]) => {
        const table = document.createElement('table');
        const head = document.createElement('tr');
        cell(head, fcr.t(title)).style.fontWeight = '600';
        const row = document.createElement('tr');
        cell(row, '');
        Object.entries(counts).forEach(([k, n]) => { cell(head, prefix ? label(prefix, k) : k); cell(row, n); });
        table.append(head, row);
        box.appendChild(table);
      });
  }

  function ledgerRow(tr, e) {
    tr.dataset.entryId = e.entryId;
    tr.title = fcr.t('col.rule') + ' v' + e.ruleVersion + ' · ' + e.triggeringEventIds.join(', ');
    const cancelled = e.status === 'CANCELLED' ? 'cancelled' : null;
    cell(tr, time(e.occurredAt)); cell(tr, label('rule', e.rule), cancelled);
    cell(tr, subject(e) + (e.department && e.department !== e.subjectId ? ' · ' + dept(e.department) : ''));
    cell(tr, e.points, cancelled); cell(tr, e.fineYuan, cancelled); cell(tr, e.requestId || '—');
    cell(tr, e.reason);
    const status = cell(tr, label('status', e.status));
    if (e.status === 'ACTIVE' && e.subjectType === 'PERSON' && e.subjectId === fcr.currentUser()) {
      const button = document.createElement('button');
      button.className = 'secondary';
      button.textContent = fcr.t('appeal');
      button.addEventListener('click', () => appeal(e.entryId));
      status.appendChild(button);
    }
  }

  async function appeal(entryId) {
    const reason = prompt(fcr.t('appeal.reason'));
    if (!reason) return;
    try {
      await fcr.api('/api/ledger/' + encodeURIComponent(entryId) + '/appeal', { method: 'POST', body: { reason } });
      refresh();
    } catch (e) {
      alert(e.message);
    }
  }

  async function loadLedger() {
    const entries = await fcr.api('/api/ledger?period=' + state.period + drillParam());
    state.ledger = entries.sort((a, b) => b.occurredAt.localeCompare(a.occurredAt)).slice(0, LEDGER_ROWS);
    fill('ledger-table', state.ledger, ledgerRow);
  }

  /** The trial-run report: the site's totals first, then each department or person (the subject switch). */
  async function loadTrial() {
    if (!state.drill) return;
    const r = await fcr.api('/api/trial-report?period=' + state.period);
    $('trial-check').textContent = fcr.t(r.addsUp ? 'addsUp.yes' : 'addsUp.no');
    $('trial-check').className = r.addsUp ? 'ok' : 'error';
    const rows = [r.total].concat(state.type === 'PERSON' ? r.people : r.departments);
    fill('trial-table', rows, (tr, l, i) => {
      if (i === 0) tr.className = 'total';
      tr.dataset.subjectId = l.subjectId;
      cell(tr, i === 0 ? fcr.t('total') : subject(l)); cell(tr, l.met); cell(tr, l.breached);
      cell(tr, Object.entries(l.stages).map(([stage, c]) => label('stage', stage) + ' ' + c.met + '/' + c.breached).join('、') || '—');
      cell(tr, l.points); cell(tr, l.fineYuan); cell(tr, l.entries);
      cell(tr, l.topViolations.map(v => label('rule', v.rule) + ' ×' + v.count).join('、') || '—');
    });
  }

  async function loadAppeals() {
    const waiting = await fcr.api('/api/ledger/appeals');
    fill('appeals-table', waiting, (tr, e) => {
      const last = e.history[e.history.length - 1] || {};
      cell(tr, label('rule', e.rule)); cell(tr, subject(e)); cell(tr, e.points); cell(tr, e.fineYuan);
      cell(tr, (last.byName || '') + '：' + (last.reason || ''));
      const td = cell(tr, '');
      [['UPHOLD', 'uphold'], ['CANCEL', 'cancel']].forEach(([decision, key]) => {
        const button = document.createElement('button');
        button.textContent = fcr.t(key);
        button.className = decision === 'CANCEL' ? 'secondary' : '';
        button.addEventListener('click', () => decide(e.entryId, decision));
        td.appendChild(button);
      });
    });
  }

  async function decide(entryId, decision) {
    const reason = prompt(fcr.t('decision.reason'));
    if (!reason) return;
    try {
      await fcr.api('/api/ledger/' + encodeURIComponent(entryId) + '/decision', { method: 'POST', body: { decision, reason } });
      $('appeal-message').textContent = '';
      refresh();
    } catch (e) {
      $('appeal-message').textContent = e.message;
    }
  }

  async function download(file) {
    const url = '/api/exports/' + file + '?period=' + state.period + (file.startsWith('rankings') ? '&type=' + state.type : '');
    await fcr.download(url, file.replace('.', '-' + state.period + '.'));
  }

  function refresh() {
    const parts = state.drill ? [loadTrial, loadBreaches, loadOpen, loadLedger, loadAppeals]
      : [loadRankings, loadAssessments, loadTrend, loadBreaches, loadOpen, loadSummary, loadLedger, loadAppeals];
    return Promise.allSettled(parts.map(p => p()));
  }

  function setMode(drill) {
    state.drill = drill;
    document.body.classList.toggle('drill', drill);
    document.querySelectorAll('.mode-switch button').forEach(b =>
      b.setAttribute('aria-pressed', String((b.dataset.mode === 'drill') === drill)));
    history.replaceState(null, '', drill ? '#drill' : location.pathname);
    return refresh().then(() => Object.values(charts).forEach(c => c.resize()));
  }

  let pending = null;
  function refreshSoon(parts) {
    clearTimeout(pending);
    pending = setTimeout(() => Promise.allSettled(parts.map(p => p())), 400);
  }

  function onLive(name, data) {
    if (name === 'hello') { $('live').className = 'live on'; $('live').dataset.i18n = 'live.on'; fcr.translate(); }
    if (name === 'entry' && !state.drill) {
      state.ledger = [data].concat(state.ledger.filter(e => e.entryId !== data.entryId)).slice(0, LEDGER_ROWS);
      fill('ledger-table', state.ledger, ledgerRow);
      const row = document.querySelector('#ledger-table tr[data-entry-id="' + CSS.escape(data.entryId) + '"]');
      if (row) row.classList.add('fresh');
      refreshSoon([loadRankings, loadAssessments, loadTrend, loadBreaches, loadSummary, loadAppeals]);
    }
    if (name === 'sla' && !state.drill) refreshSoon([loadOpen, loadBreaches]);
    if (name === 'drill-entry' && state.drill) refreshSoon([loadTrial, loadLedger, loadBreaches, loadAppeals]);
    if (name === 'drill-sla' && state.drill) refreshSoon([loadTrial, loadOpen, loadBreaches]);
  }

  fcr.ready(() => {
    const now = new Date();
    state.period = now.getFullYear() + '-' + String(now.getMonth() + 1).padStart(2, '0');
    $('period').value = state.period;
    $('language').value = fcr.language();
    $('period').addEventListener('change', e => { if (e.target.value) { state.period = e.target.value; refresh(); } });
    $('subject-type').addEventListener('change', e => {
      state.type = e.target.value;
      (state.drill ? [loadTrial] : [loadRankings, loadAssessments]).forEach(p => p());
    });
    document.querySelectorAll('.mode-switch button').forEach(b =>
      b.addEventListener('click', () => setMode(b.dataset.mode === 'drill')));
    $('language').addEventListener('change', e => { fcr.setLanguage(e.target.value); refresh(); });
    document.querySelectorAll('[data-export]').forEach(b => b.addEventListener('click', () => download(b.dataset.export)));
    window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
    setMode(location.hash === '#drill').then(() => document.body.dataset.loaded = 'true');
    fcr.stream('/api/stream', onLive);
  });
})();

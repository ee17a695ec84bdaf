/*
 * What the desk console and the department view share: labels (zh-CN first), the stage commands
 * and the fields each one asks for, live countdowns from sla-monitor's deadlines, the timeline.
 */
(function (global) {
  'use strict';

  fcr.messages({
    'zh-CN': {
      'stage.ACCEPTED': '已受理', 'stage.FILLED_IN': '已填报', 'stage.REGISTERED': '已登记',
      'stage.AWAITING_DISPATCH': '待派单', 'stage.DISPATCHED': '已派单', 'stage.ACKNOWLEDGED': '已接单',
      'stage.ORGANISED': '已组织', 'stage.ON_SITE': '已到场', 'stage.COMPLETED': '已完成',
      'stage.SIGNED_OFF': '已验收', 'stage.REPORTED_BACK': '已反馈', 'stage.CUSTOMER_NOTIFIED': '已告知客户',
      'stage.REVISITED': '已回访', 'stage.CLOSED': '已关闭',
      'cmd.fill-in': '填报', 'cmd.register': '登记', 'cmd.request-dispatch': '下传', 'cmd.acknowledge': '接单',
      'cmd.return': '退单', 'cmd.forward': '转派', 'cmd.organise': '组织', 'cmd.on-site': '到场',
      'cmd.complete': '完成', 'cmd.sign-off': '客户验收', 'cmd.report-back': '反馈', 'cmd.notify-customer': '告知客户',
      'cmd.revisit': '回访', 'cmd.escalate': '升级', 'cmd.close': '关闭', 'cmd.quote': '报价', 'cmd.consent': '客户同意',
      'cmd.refuse-consent': '客户拒绝', 'cmd.fee-paid': '已收费', 'cmd.receipt': '开收据',
      'cmd.first-responder': '变更首问', 'cmd.merge': '合并',
      'cat.FAULT_REPAIR': '故障报修', 'cat.ACCIDENT': '事故处理', 'cat.SERVICE': '服务受理', 'cat.COMPLAINT': '投诉处理',
      'cat.INFO_RELAY': '信息传递', 'cat.ANOMALY_REPORT': '异常报告', 'cat.OTHER': '其他需求',
      'field.reason': '原因', 'field.suggestedDepartment': '建议部门', 'field.toDepartment': '转至部门',
      'field.result': '处理结果', 'field.signedBy': '签字人', 'field.solved': '已解决', 'field.satisfaction': '满意度',
      'field.level': '升级至', 'field.amountYuan': '金额(元)', 'field.receiptNo': '收据号', 'field.firstResponder': '新首问人(用户名)',
      'field.into': '合并到(编号)', 'field.note': '备注', 'field.method': '方式',
      'sat.SATISFIED': '满意', 'sat.BASICALLY_SATISFIED': '基本满意', 'sat.NOT_SATISFIED': '不满意',
      'level.SUPERVISOR': '主管', 'level.OFFICE_MANAGER': '管理处主任(矛盾升级)',
      'ok': '确定', 'cancel': '取消', 'overdue': '已超时', 'no.deadline': '—', 'signout': '退出',
      'timeline': '处理记录', 'loading': '加载中…', 'drill': '试运行',
      'drill.hint': '模拟试运行:全流程照常处理,扣分单独记录,不通知客户',
      'trial.period': '试运行期间', 'trial.department': '本部门试运行中',
      'ev.ACCEPTED': '受理', 'ev.FILLED_IN': '填报', 'ev.REGISTERED': '登记', 'ev.DISPATCH_REQUESTED': '申请派单',
      'ev.DISPATCHED': '派单', 'ev.ACKNOWLEDGED': '接单', 'ev.RETURNED': '退单', 'ev.FORWARDED': '转派',
      'ev.ORGANISED': '组织', 'ev.ON_SITE': '到场', 'ev.COMPLETED': '完成', 'ev.CUSTOMER_SIGNED_OFF': '客户验收',
      'ev.REPORTED_BACK': '反馈', 'ev.CUSTOMER_NOTIFIED': '告知客户', 'ev.REVISITED': '回访', 'ev.ESCALATED': '升级',
      'ev.REOPENED': '重新打开', 'ev.CLOSED': '关闭', 'ev.QUOTED': '报价', 'ev.CONSENT_GIVEN': '客户同意',
      'ev.CONSENT_REFUSED': '客户拒绝', 'ev.FEE_PAID': '收费', 'ev.RECEIPT_ISSUED': '开收据',
      'ev.FIRST_RESPONDER_OVERRIDDEN': '变更首问责任人', 'ev.MERGED': '合并', 'ev.ARBITRATION_REQUESTED': '申请仲裁',
      'ev.HARM_RECORDED': '记录损失'
    },
    en: {
      'stage.ACCEPTED': 'Accepted', 'stage.FILLED_IN': 'Filled in', 'stage.REGISTERED': 'Registered',
      'stage.AWAITING_DISPATCH': 'Awaiting dispatch', 'stage.DISPATCHED': 'Dispatched', 'stage.ACKNOWLEDGED': 'Acknowledged',
      'stage.ORGANISED': 'Organised', 'stage.ON_SITE': 'On site', 'stage.COMPLETED': 'Completed',
      'stage.SIGNED_OFF': 'Signed off', 'stage.REPORTED_BACK': 'Reported back', 'stage.CUSTOMER_NOTIFIED': 'Customer told',
      'stage.REVISITED': 'Revisited', 'stage.CLOSED': 'Closed',
      'cmd.fill-in': 'Fill in', 'cmd.register': 'Register', 'cmd.request-dispatch': 'Dispatch', 'cmd.acknowledge': 'Acknowledge',
      'cmd.return': 'Return', 'cmd.forward': 'Forward', 'cmd.organise': 'Organise', 'cmd.on-site': 'On site',
      'cmd.complete': 'Complete', 'cmd.sign-off': 'Customer sign-off', 'cmd.report-back': 'Report back',
      'cmd.notify-customer': 'Customer told', 'cmd.revisit': 'Return visit', 'cmd.escalate': 'Escalate', 'cmd.close': 'Close',
      'cmd.quote': 'Quote', 'cmd.consent': 'Consent', 'cmd.refuse-consent': 'Refused', 'cmd.fee-paid': 'Fee paid',
      'cmd.receipt': 'Receipt', 'cmd.first-responder': 'Change first responder', 'cmd.merge': 'Merge',
      'cat.FAULT_REPAIR': 'Fault repair', 'cat.ACCIDENT': 'Accident', 'cat.SERVICE': 'Service', 'cat.COMPLAINT': 'Complaint',
      'cat.INFO_RELAY': 'Info relay', 'cat.ANOMALY_REPORT': 'Anomaly', 'cat.OTHER': 'Other',
      'field.reason': 'Reason', 'field.suggestedDepartment': 'Suggested department', 'field.toDepartment': 'To department',
      'field.result': 'Result', 'field.signedBy': 'Signed by', 'field.solved': 'Solved', 'field.satisfaction': 'Satisfaction',
      'field.level': 'Escalate to', 'field.amountYuan': 'Amount (yuan)', 'field.receiptNo': 'Receipt no.',
      'field.firstResponder': 'New first responder (username)', 'field.into': 'Merge into (id)', 'field.note': 'Note',
      'field.method': 'Method',
      'sat.SATISFIED': 'Satisfied', 'sat.BASICALLY_SATISFIED': 'Basically satisfied', 'sat.NOT_SATISFIED': 'Not satisfied',
      'level.SUPERVISOR': 'Supervisor', 'level.OFFICE_MANAGER': 'Office manager (conflict)',
      'ok': 'OK', 'cancel': 'Cancel', 'overdue': 'Overdue', 'no.deadline': '—', 'signout': 'Sign out',
      'timeline': 'Timeline', 'loading': 'Loading…', 'drill': 'Trial run',
      'drill.hint': 'Simulated trial run: handled as usual, penalties kept apart, customers never notified',
      'trial.period': 'Trial period running', 'trial.department': 'Your department is in trial'
    }
  });

  /** The fields a command asks for; commands not listed take none. */
  const FIELDS = {
    'return': [{ name: 'reason', required: true }, { name: 'suggestedDepartment' }],
    'forward': [{ name: 'toDepartment', required: true }, { name: 'reason', required: true }],
    'complete': [{ name: 'result', required: true }],
    'sign-off': [{ name: 'signedBy', required: true }, { name: 'method' }],
    'revisit': [{ name: 'solved', type: 'checkbox' }, { name: 'satisfaction', type: 'select', options: ['SATISFIED', 'BASICALLY_SATISFIED', 'NOT_SATISFIED'], prefix: 'sat.' }],
    'escalate': [{ name: 'level', type: 'select', options: ['SUPERVISOR', 'OFFICE_MANAGER'], prefix: 'level.' }, { name: 'reason', required: true }],
    'quote': [{ name: 'amountYuan', type: 'number', required: true }],
    'fee-paid': [{ name: 'amountYuan', type: 'number', required: true }, { name: 'method' }],
    'receipt': [{ name: 'receiptNo', required: true }],
    'refuse-consent': [{ name: 'reason' }],
    'first-responder': [{ name: 'firstResponder', required: true }, { name: 'reason', required: true }],
    'merge': [{ name: 'into', required: true }, { name: 'reason' }]
  };

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'text') node.textContent = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : v);
    });
    (children || []).forEach(c => node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c));
    return node;
  }

  /** "12:34" left, or "-03:10" overdue, from a deadline; null without one. */
  function countdown(deadline, now) {
    if (!deadline) return null;
    const ms = new Date(deadline).getTime() - (now || Date.now());
    const abs = Math.abs(ms);
    const h = Math.floor(abs / 3600000), m = Math.floor(abs / 60000) % 60, s = Math.floor(abs / 1000) % 60;
    const text = (h ? h + ':' + String(m).padStart(2, '0') : String(m).padStart(2, '0')) + ':' + String(s).padStart(2, '0');
    return { text: (ms < 0 ? '-' : '') + text, overdue: ms < 0 };
  }

  /** Fills every [data-deadline] cell with its live countdown, red when overdue. */
  function tickCountdowns() {
    document.querySelectorAll('[data-deadline]').forEach(cell => {
      const c = countdown(cell.dataset.deadline);
      if (!c) { cell.textContent = fcr.t('no.deadline'); return; }
      cell.textContent = c.text;
      cell.classList.toggle('overdue', c.overdue || cell.dataset.breached === 'true');
    });
  }
  setInterval(tickCountdowns, 1000);

  /** The countdown cell of a request summary or view (nearest open deadline from sla-monitor). */
  function deadlineCell(item) {
    const open = (item.deadlines || []).filter(d => d.open);
    const next = item.nextDeadline || (open.length ? open[0].deadline : null);
    const cell = el('td', { class: 'countdown', 'data-deadline': next || '', 'data-breached': String(!!item.overdue) });
    if (!next) { cell.removeAttribute('data-deadline'); cell.textContent = fcr.t('no.deadline'); }
    return cell;
  }

  /** Asks for a command's fields in an inline form (or runs it at once), then calls the API. */
  function runCommand(container, id, version, command, done) {
    const fields = FIELDS[command] || [];
    const send = body => fcr.api('/api/requests/' + encodeURIComponent(id) + '/' + command, {
      method: 'POST', body: body, headers: { 'Idempotency-Key': id + ':' + command + ':' + version }
    }).then(done).catch(e => showError(container, e));
    if (!fields.length) return send({});
    container.querySelectorAll('.command-form').forEach(f => f.remove());
    const form = el('form', { class: 'command-form card', id: 'command-form', 'data-command': command });
    form.appendChild(el('strong', { text: fcr.t('cmd.' + command) }));
    fields.forEach(f => {
      let input;
      if (f.type === 'select') {
        input = el('select', { name: f.name }, f.options.map(o => el('option', { value: o, text: fcr.t(f.prefix + o) })));
      } else {
        input = el('input', { name: f.name, type: f.type || 'text', required: !!f.required, step: f.type === 'number' ? '0.01' : null });
      }
      form.appendChild(el('label', {}, [fcr.t('field.' + f.name), input]));
    });
    form.appendChild(el('button', { type: 'submit', id: 'command-ok', text: fcr.t('ok') }));
    form.appendChild(el('button', { type: 'button', class: 'secondary', text: fcr.t('cancel'), onclick: () => form.remove() }));
    form.addEventListener('submit', ev => {
      ev.preventDefault();
      const body = {};
      fields.forEach(f => {
        const input = form.elements[f.name];
        if (f.type === 'checkbox') body[f.name] = input.checked;
        else if (f.name === 'amountYuan') body.amountFen = Math.round(parseFloat(input.value) * 100);
        else if (input.value) body[f.name] = input.value;
      });
      form.remove();
      send(body);
    });
    container.prepend(form);
    const first = form.querySelector('input,select');
    if (first) first.focus();
  }

  function showError(container, e) {
    let box = document.getElementById('error');
    if (!box) { box = el('div', { id: 'error', class: 'error card' }); container.prepend(box); }
    box.textContent = e.message;
    setTimeout(() => box.remove(), 8000);
  }

  /** Buttons for the commands a request accepts now (from the server: never guessed here). */
  function commandButtons(container, item, allowed, done) {
    const cell = el('span', { class: 'commands' });
    const side = ['escalate', 'first-responder', 'merge'];
    (item.expected || []).filter(c => allowed === 'chain' ? !side.includes(c) : (!allowed || allowed.includes(c))).forEach(c => {
      cell.appendChild(el('button', {
        type: 'button', class: 'cmd', 'data-command': c, text: fcr.t('cmd.' + c),
        onclick: ev => { ev.stopPropagation(); runCommand(container, item.id, item.version, c, done); }
      }));
    });
    return cell;
  }

  function renderTimeline(target, view) {
    target.innerHTML = '';
    target.appendChild(el('h3', { text: fcr.t('timeline') + ' · ' + view.id + ' ' }, view.drill ? [drillBadge()] : []));
    const list = el('ol', { class: 'timeline', id: 'timeline' });
    view.timeline.forEach(e => {
      const details = Object.entries(e.details || {})
        .filter(([, v]) => typeof v !== 'object').map(([k, v]) => k + ': ' + v).join('; ');
      list.appendChild(el('li', { 'data-type': e.type }, [
        el('time', { text: new Date(e.occurredAt).toLocaleString(fcr.language()) }), ' ',
        el('strong', { text: fcr.t('ev.' + e.type) === 'ev.' + e.type ? e.type : fcr.t('ev.' + e.type) }), ' · ' + (e.actor.name || e.actor.employeeId) +
          (e.actor.department ? ' (' + e.actor.department + ')' : '') + (details ? ' — ' + details : '')
      ]));
    });
    target.appendChild(list);
    if (view.deadlines && view.deadlines.length) {
      const table = el('table', { class: 'deadlines' });
      view.deadlines.forEach(d => table.appendChild(el('tr', {}, [
        el('td', { text: d.stage }), el('td', { text: d.kind }),
        el('td', { text: d.deadline ? new Date(d.deadline).toLocaleString(fcr.language()) : '' }),
        d.open ? el('td', { 'data-deadline': d.deadline, 'data-breached': String(d.overdue) }) : el('td', { text: '' })
      ])));
      target.appendChild(table);
    }
    tickCountdowns();
  }

  /** The visible 试运行 mark of a drill (issue 8): in lists, in the details, never to be missed. */
  function drillBadge() {
    return el('span', { class: 'badge-drill', title: fcr.t('drill.hint'), text: fcr.t('drill') });
  }

  /** The id cell of a list row, with the drill badge when the request is a rehearsal. */
  function idCell(item) {
    return el('td', { text: item.id + ' ' }, item.drill ? [drillBadge()] : []);
  }

  /** A banner in the bar while a trial period runs or the signed-in user's department rehearses. */
  function trialBanner(me) {
    return fcr.api('/api/trial').then(trial => {
      const mine = trial.departments.find(d => d.code === me.department);
      const key = trial.activePeriod ? 'trial.period' : (mine && mine.mode === 'TRIAL' ? 'trial.department' : null);
      if (!key) return;
      const bar = document.querySelector('header.fcr-bar');
      bar.insertBefore(el('span', { id: 'trial-banner', class: 'badge-drill', 'data-i18n': key, text: fcr.t(key) }), bar.children[1] || null);
    }).catch(() => {});
  }

  function header(titleKey) {
    const bar = document.querySelector('header.fcr-bar');
    const user = el('span', { id: 'who' });
    const lang = el('select', { id: 'lang', onchange: ev => fcr.setLanguage(ev.target.value) }, [
      el('option', { value: 'zh-CN', text: '中文' }), el('option', { value: 'en', text: 'English' })]);
    lang.value = fcr.language();
    bar.appendChild(user);
    bar.appendChild(lang);
    bar.appendChild(el('button', { type: 'button', 'data-i18n': 'signout', text: fcr.t('signout'), onclick: () => { fcr.signOut(); location.reload(); } }));
    return fcr.api('/api/me').then(me => { user.textContent = me.name + ' · ' + (me.department || ''); trialBanner(me); return me; });
  }

  /** Draws now, again when open requests change (at most once a second, however busy the desk), and every 15 s should the stream be lost. */
  function keepCurrent(refresh) {
    refresh();
    let pending = null;
    fcr.stream('/api/requests/changes', name => {
      if (name === 'changed' && !pending) pending = setTimeout(() => { pending = null; refresh(); }, 1000);
    });
    setInterval(refresh, 15000);
  }

  global.intake = { el, keepCurrent, countdown, tickCountdowns, deadlineCell, runCommand, commandButtons, renderTimeline, header, showError, drillBadge, idCell };
})(window);

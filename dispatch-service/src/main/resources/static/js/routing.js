/* Routing admin page: departments, rosters, rules, the "where would it go now?" tester, arbitration. */
(function () {
  'use strict';

  const CATEGORIES = ['FAULT_REPAIR', 'ACCIDENT', 'SERVICE', 'COMPLAINT', 'INFO_RELAY', 'ANOMALY_REPORT', 'OTHER'];
  let departments = [];
  let rules = [];

  fcr.messages({
    'zh-CN': {
      title: '派单路由管理', signout: '退出', 'tester.title': '派单测试：这个请求现在会派到哪里？', 'tester.run': '测试',
      'f.category': '类别', 'f.subcategory': '子类', 'f.unit': '房号', 'f.building': '楼栋', 'f.at': '时间（空=现在）',
      'ph.subcategory': '如 水电、保洁', 'r.department': '部门', 'r.rule': '匹配规则', 'r.handler': '值班处理人',
      'r.onShift': '在班人员', 'r.time': '按当地时间', 'rules.title': '路由规则（按优先级，数字小者先匹配；空条件匹配任意）',
      'c.priority': '优先级', 'c.id': '规则', 'c.window': '时段', 'c.note': '说明', 'c.from': '起', 'c.to': '止',
      'c.enabled': '启用', save: '保存', new: '新建', edit: '编辑', delete: '删除', 'dept.title': '部门与值班表',
      'c.code': '代码', 'c.name': '名称', 'c.phone': '电话', 'c.supervisor': '主管', 'c.manager': '经理',
      'c.h24': '24小时', 'c.roster': '值班表',
      'roster.hint': '每行一人：工号 姓名 开始-结束 [星期，如 MON,TUE]；结束早于开始表示跨午夜，开始=结束表示24小时岗。',
      'arb.title': '待仲裁（推诿扯皮，由管理处主任裁定）', 'arb.request': '请求', 'arb.returnedBy': '退单部门',
      'arb.count': '退单次数', 'arb.ruling': '裁定', 'arb.wrong': '责任方（逗号分隔）', 'arb.decide': '裁定派往',
      any: '（任意）', allDay: '全天', everyDay: '每天', fallback: '无规则匹配：兜底派往客服中心', nobody: '无人在班（由部门接单时指定）',
      saved: '已保存', deleted: '已删除', openWork: '在办', none: '暂无', confirmDelete: '确定删除规则 ',
      FAULT_REPAIR: '故障报修', ACCIDENT: '事故处理', SERVICE: '服务受理', COMPLAINT: '投诉处理',
      INFO_RELAY: '信息传递', ANOMALY_REPORT: '异常报告', OTHER: '其他需求',
      MON: '周一', TUE: '周二', WED: '周三', THU: '周四', FRI: '周五', SAT: '周六', SUN: '周日'
    },
    en: {
      title: 'Dispatch routing', signout: 'Sign out', 'tester.title': 'Tester: where would this request go now?', 'tester.run': 'Test',
      'f.category': 'Category', 'f.subcategory': 'Subcategory', 'f.unit': 'Unit', 'f.building': 'Building', 'f.at': 'Time (empty = now)',
      'ph.subcategory': 'e.g. 水电, 保洁', 'r.department': 'Department', 'r.rule': 'Matching rule', 'r.handler': 'On-duty handler',
      'r.onShift': 'On shift', 'r.time': 'Local time', 'rules.title': 'Routing rules (lower priority number matches first; empty conditions match anything)',
      'c.priority': 'Priority', 'c.id': 'Rule', 'c.window': 'Hours', 'c.note': 'Note', 'c.from': 'From', 'c.to': 'To',
      'c.enabled': 'Enabled', save: 'Save', new: 'New', edit: 'Edit', delete: 'Delete', 'dept.title': 'Departments and duty rosters',
      'c.code': 'Code', 'c.name': 'Name', 'c.phone': 'Phone', 'c.supervisor': 'Supervisor', 'c.manager': 'Manager',
      'c.h24': '24 h', 'c.roster': 'Roster',
      'roster.hint': 'One person per line: id name start-end [days, e.g. MON,TUE]; an end before the start runs across midnight, start = end is a 24-hour post.',
      'arb.title': 'Waiting for arbitration (ping-pong, decided by the office manager)', 'arb.request': 'Request',
      'arb.returnedBy': 'Returned by', 'arb.count': 'Returns', 'arb.ruling': 'Ruling', 'arb.wrong': 'Wrong (comma separated)',
      'arb.decide': 'Send to', any: '(any)', allDay: 'all day', everyDay: 'every day',
      fallback: 'No rule matched: falls back to the desk', nobody: 'Nobody on shift (the department names a handler when it acknowledges)',
      saved: 'Saved', deleted: 'Deleted', openWork: 'open', none: 'None', confirmDelete: 'Delete rule ',
      FAULT_REPAIR: 'Fault repair', ACCIDENT: 'Accident', SERVICE: 'Service', COMPLAINT: 'Complaint',
      INFO_RELAY: 'Information relay', ANOMALY_REPORT: 'Anomaly report', OTHER: 'Other',
      MON: 'Mon', TUE: 'Tue', WED: 'Wed', THU: 'Thu', FRI: 'Fri', SAT: 'Sat', SUN: 'Sun'
    }
  });

  const $ = id => document.getElementById(id);
  const text = value => (value === null || value === undefined ? '' : String(value));
  function cell(row, value, cls) {
    const td = document.createElement('td');
    td.textContent = text(value);
    if (cls) td.className = cls;
    row.appendChild(td);
    return td;
  }
  function button(label, onClick, attrs) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = fcr.t(label);
    b.className = 'secondary';
    Object.entries(attrs || {}).forEach(([k, v]) => b.setAttribute(k, v));
    b.addEventListener('click', onClick);
    return b;
  }
  function departmentName(code) {
    const d = departments.find(x => x.code === code);
    return d ? d.name + ' (' + code + ')' : text(code);
  }
  function show(statusId, message, isError) {
    const el = $(statusId);
    el.textContent = message;
    el.className = isError ? 'error' : 'ok';
  }

  function fillSelects() {
    document.querySelectorAll('.category-select').forEach(select => {
      const current = select.value;
      select.innerHTML = '';
      if (select.dataset.any) select.add(new Option(fcr.t('any'), ''));
      CATEGORIES.forEach(c => select.add(new Option(fcr.t(c) + ' ' + c, c)));
      select.value = current || (select.dataset.any ? '' : 'FAULT_REPAIR');
    });
    document.querySelectorAll('.department-select').forEach(select => {
      const current = select.value;
      select.innerHTML = '';
      departments.forEach(d => select.add(new Option(d.name + ' (' + d.code + ')', d.code)));
      if (current) select.value = current;
    });
  }

  async function loadRules() {
    rules = await fcr.api('/api/routing/rules');
    const body = $('rule-rows');
    body.innerHTML = '';
    rules.forEach(r => {
      const row = document.createElement('tr');
      row.dataset.rule = r.id;
      if (r.enabled === false) row.className = 'off';
      cell(row, r.priority);
      cell(row, r.id);
      cell(row, r.category ? fcr.t(r.category) : fcr.t('any'));
      cell(row, r.subcategory || '');
      cell(row, r.building || '');
      cell(row, r.from && r.to ? r.from + '–' + r.to : fcr.t('allDay'));
      cell(row, departmentName(r.department), 'rule-department');
      cell(row, r.note || '');
      const actions = cell(row, '', 'actions');
      actions.appendChild(button('edit', () => editRule(r), { 'data-edit-rule': r.id }));
      actions.appendChild(button('delete', () => deleteRule(r), { 'data-delete-rule': r.id }));
      body.appendChild(row);
    });
  }

  function editRule(r) {
    $('rule-id').value = r.id;
    $('rule-priority').value = r.priority;
    $('rule-category').value = r.category || '';
    $('rule-subcategory').value = r.subcategory || '';
    $('rule-building').value = r.building || '';
    $('rule-from').value = r.from || '';
    $('rule-to').value = r.to || '';
    $('rule-department').value = r.department;
    $('rule-enabled').checked = r.enabled !== false;
    $('rule-note').value = r.note || '';
    $('rule-status').textContent = '';
    $('rule-form').scrollIntoView({ block: 'nearest' });
  }

  async function saveRule(ev) {
    ev.preventDefault();
    const id = $('rule-id').value.trim();
    const body = {
      id, priority: Number($('rule-priority').value || 100), category: $('rule-category').value || null,
      subcategory: $('rule-subcategory').value, building: $('rule-building').value, from: $('rule-from').value,
      to: $('rule-to').value, department: $('rule-department').value, enabled: $('rule-enabled').checked,
      note: $('rule-note').value
    };
    try {
      await fcr.api('/api/routing/rules/' + encodeURIComponent(id), { method: 'PUT', body });
      show('rule-status', fcr.t('saved') + ' ' + id);
      await loadRules();
    } catch (e) {
      show('rule-status', e.message, true);
    }
  }

  async function deleteRule(r) {
    if (!window.confirm(fcr.t('confirmDelete') + r.id + '?')) return;
    try {
      await fcr.api('/api/routing/rules/' + encodeURIComponent(r.id), { method: 'DELETE' });
      show('rule-status', fcr.t('deleted') + ' ' + r.id);
      await loadRules();
    } catch (e) {
      show('rule-status', e.message, true);
    }
  }

  function rosterLine(s) {
    return [s.employeeId, s.name || s.employeeId, s.start + '-' + s.end,
      (s.days || []).map(d => d.slice(0, 3)).join(',')].join(' ').trim();
  }

  function parseRoster(textValue) {
    return textValue.split('\n').map(l => l.trim()).filter(Boolean).map(line => {
      const parts = line.split(/\s+/);
      const hours = parts.find(p => /^\d{1,2}:\d{2}-\d{1,2}:\d{2}$/.test(p)) || '';
      const [start, end] = hours.split('-');
      const at = parts.indexOf(hours);
      return {
        employeeId: parts[0], name: at > 1 ? parts.slice(1, at).join(' ') : parts[0], start: start || '', end: end || '',
        days: at >= 0 && parts[at + 1] ? parts[at + 1].split(',') : []
      };
    });
  }

  async function loadDepartments() {
    departments = await fcr.api('/api/departments');
    const body = $('department-rows');
    body.innerHTML = '';
    departments.forEach(d => {
      const row = document.createElement('tr');
      row.dataset.department = d.code;
      cell(row, d.code);
      cell(row, d.name);
      cell(row, d.phone);
      cell(row, d.supervisor);
      cell(row, d.manager);
      cell(row, d.roundTheClock ? '✓' : '');
      const roster = cell(row, '');
      (d.roster || []).forEach(s => {
        const line = document.createElement('div');
        line.textContent = s.name + ' ' + s.employeeId + ' ' + s.start + '–' + s.end + ' ' +
          ((s.days || []).length ? s.days.map(x => fcr.t(x.slice(0, 3))).join('、') : fcr.t('everyDay'));
        roster.appendChild(line);
      });
      cell(row, '', 'actions').appendChild(button('edit', () => editDepartment(d), { 'data-edit-department': d.code }));
      body.appendChild(row);
    });
    fillSelects();
  }

  function editDepartment(d) {
    $('dept-code').value = d.code;
    $('dept-name').value = d.name;
    $('dept-phone').value = d.phone || '';
    $('dept-supervisor').value = d.supervisor || '';
    $('dept-manager').value = d.manager || '';
    $('dept-24h').checked = !!d.roundTheClock;
    $('dept-roster').value = (d.roster || []).map(rosterLine).join('\n');
    $('dept-status').textContent = '';
  }

  async function saveDepartment(ev) {
    ev.preventDefault();
    const code = $('dept-code').value.trim();
    const body = {
      code, name: $('dept-name').value.trim(), phone: $('dept-phone').value, supervisor: $('dept-supervisor').value,
      manager: $('dept-manager').value, roundTheClock: $('dept-24h').checked, roster: parseRoster($('dept-roster').value)
    };
    try {
      await fcr.api('/api/departments/' + encodeURIComponent(code), { method: 'PUT', body });
      show('dept-status', fcr.t('saved') + ' ' + code);
      await loadDepartments();
      await loadRules();
    } catch (e) {
      show('dept-status', e.message, true);
    }
  }

  async function runTest(ev) {
    ev.preventDefault();
    $('test-error').textContent = '';
    try {
      const answer = await fcr.api('/api/routing/test', {
        method: 'POST', body: {
          category: $('test-category').value, subcategory: $('test-subcategory').value,
          unit: $('test-unit').value, building: $('test-building').value, at: $('test-at').value || null
        }
      });
      $('test-department').textContent = answer.departmentName + ' (' + answer.department + ')';
      $('test-rule').textContent = answer.fallback ? fcr.t('fallback')
        : answer.ruleId + (answer.ruleNote ? ' — ' + answer.ruleNote : '');
      $('test-handler').textContent = answer.handler
        ? answer.handler.name + ' (' + answer.handler.employeeId + ')' : fcr.t('nobody');
      $('test-onshift').textContent = answer.onShift.length
        ? answer.onShift.map(p => p.name + ' ' + fcr.t('openWork') + ' ' + p.openWork).join('；') : fcr.t('none');
      $('test-time').textContent = answer.localTime.replace('T', ' ');
      $('test-result').hidden = false;
    } catch (e) {
      $('test-error').textContent = e.message;
    }
  }

  async function loadArbitrations() {
    const body = $('arbitration-rows');
    body.innerHTML = '';
    let cases = [];
    try {
      cases = await fcr.api('/api/arbitrations');
    } catch (e) {
      return;
    }
    if (!cases.length) {
      const row = document.createElement('tr');
      cell(row, fcr.t('none')).colSpan = 5;
      body.appendChild(row);
    }
    cases.forEach(c => {
      const row = document.createElement('tr');
      cell(row, c.id + (c.description ? ' — ' + c.description : ''));
      cell(row, fcr.t(c.category));
      cell(row, (c.returnedBy || []).map(departmentName).join(' → '));
      cell(row, c.returnCount);
      const ruling = cell(row, '', 'actions');
      const select = document.createElement('select');
      departments.forEach(d => select.add(new Option(d.name, d.code)));
      const wrong = document.createElement('input');
      wrong.placeholder = fcr.t('arb.wrong');
      wrong.value = (c.returnedBy || []).join(',');
      ruling.append(select, wrong, button('arb.decide', async () => {
        try {
          await fcr.api('/api/arbitrations/' + encodeURIComponent(c.id), {
            method: 'POST', body: { department: select.value, wrongDepartments: wrong.value.split(',').map(s => s.trim()).filter(Boolean) }
          });
          await loadArbitrations();
        } catch (e) {
          window.alert(e.message);
        }
      }));
      body.appendChild(row);
    });
  }

  async function start() {
    $('who').textContent = fcr.currentUser() || '';
    $('lang').value = fcr.language();
    fillSelects();
    await loadDepartments();
    await loadRules();
    await loadArbitrations();
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('lang').addEventListener('change', e => fcr.setLanguage(e.target.value));
    $('signout').addEventListener('click', () => { fcr.signOut(); location.reload(); });
    $('rule-form').addEventListener('submit', saveRule);
    $('rule-new').addEventListener('click', () => { $('rule-form').reset(); $('rule-status').textContent = ''; });
    $('department-form').addEventListener('submit', saveDepartment);
    $('dept-new').addEventListener('click', () => { $('department-form').reset(); $('dept-status').textContent = ''; });
    $('test-form').addEventListener('submit', runTest);
  });
  document.addEventListener('fcr:language', () => { fillSelects(); loadDepartments().then(loadRules).then(loadArbitrations); });
  fcr.ready(start);
})();

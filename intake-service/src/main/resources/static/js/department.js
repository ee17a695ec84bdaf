/* The department view: the department's queue with live countdowns, and its own stage commands. */
(function () {
  'use strict';
  const { el } = intake;
  const DEPARTMENT_COMMANDS = ['acknowledge', 'return', 'forward', 'organise', 'on-site', 'complete'];

  fcr.messages({
    'zh-CN': {
      'dept.title': '部门工单', 'dept.toDesk': '客服台', 'dept.department': '部门', 'dept.show': '查看',
      'dept.queue': '待处理工单', 'dept.returned': '本部门退单',
      'col.id': '编号', 'col.category': '类别', 'col.customer': '客户', 'col.description': '内容', 'col.stage': '阶段',
      'col.handler': '处理人', 'col.countdown': '倒计时', 'col.commands': '操作', 'col.department': '现部门'
    },
    en: {
      'dept.title': 'Department tickets', 'dept.toDesk': 'Desk console', 'dept.department': 'Department', 'dept.show': 'Show',
      'dept.queue': 'Queue', 'dept.returned': 'Returned by this department',
      'col.id': 'Id', 'col.category': 'Category', 'col.customer': 'Customer', 'col.description': 'Description',
      'col.stage': 'Stage', 'col.handler': 'Handler', 'col.countdown': 'Time left', 'col.commands': 'Commands',
      'col.department': 'Now with'
    }
  });

  function department() {
    return document.getElementById('department').value.trim();
  }

  function refresh() {
    const dept = encodeURIComponent(department());
    if (!dept) return Promise.resolve();
    const queue = fcr.api('/api/departments/' + dept + '/queue').then(page => {
      const body = document.querySelector('#queue tbody');
      body.innerHTML = '';
      page.items.forEach(item => body.appendChild(el('tr', { 'data-id': item.id, onclick: () => open(item.id) }, [
        intake.idCell(item),
        el('td', { text: fcr.t('cat.' + item.category) + (item.subcategory ? ' · ' + item.subcategory : ''), class: item.major ? 'major' : null }),
        el('td', { text: item.customerName + (item.customerUnit ? ' ' + item.customerUnit : '') + (item.customerPhone ? ' ' + item.customerPhone : '') }),
        el('td', { text: item.description }),
        el('td', { class: 'stage', text: fcr.t('stage.' + item.stage) }),
        el('td', { text: item.handlerName || '' }),
        intake.deadlineCell(item),
        el('td', {}, [intake.commandButtons(document.getElementById('queue-card'), item, DEPARTMENT_COMMANDS, changed)])
      ])));
    });
    const returned = fcr.api('/api/departments/' + dept + '/returned').then(page => {
      const body = document.querySelector('#returned tbody');
      body.innerHTML = '';
      page.items.forEach(item => body.appendChild(el('tr', { 'data-id': item.id, onclick: () => open(item.id) }, [
        intake.idCell(item), el('td', { text: item.description }),
        el('td', { text: fcr.t('stage.' + item.stage) }),
        el('td', { text: item.stage === 'AWAITING_DISPATCH' ? '' : (item.department || '') })
      ])));
    });
    return Promise.all([queue, returned]).then(intake.tickCountdowns)
      .catch(e => intake.showError(document.getElementById('queue-card'), e));
  }

  function changed(view) {
    refresh();
    open(view.id);
  }

  function open(id) {
    return fcr.api('/api/requests/' + encodeURIComponent(id)).then(view => intake.renderTimeline(document.getElementById('details'), view));
  }

  fcr.ready(() => {
    intake.header().then(me => {
      const input = document.getElementById('department');
      const fromUrl = new URLSearchParams(location.search).get('department');
      input.value = fromUrl || me.department || '';
      document.getElementById('show').addEventListener('click', refresh);
      input.addEventListener('keydown', ev => { if (ev.key === 'Enter') refresh(); });
      document.addEventListener('fcr:language', () => refresh());
      intake.keepCurrent(refresh);
    });
  });
})();

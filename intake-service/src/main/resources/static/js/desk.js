/* The desk console: record a call with the keyboard alone, watch open requests count down, run stage commands. */
(function () {
  'use strict';
  const { el } = intake;

  fcr.messages({
    'zh-CN': {
      'desk.title': '客服台 · 首问责任制', 'desk.toDepartment': '部门视图', 'desk.record': '记录来电 / 来访',
      'desk.keyNew': '新来电', 'desk.keySubmit': '受理', 'desk.accept': '受理', 'desk.open': '全部未结',
      'desk.mine': '我的首问', 'desk.overdue': '已超时', 'desk.accepted': '已受理',
      'f.channel': '渠道', 'f.category': '类别', 'f.customer': '客户姓名', 'f.unit': '房号/地址', 'f.phone': '电话',
      'f.description': '诉求内容', 'f.subcategory': '子类', 'f.size': '规模', 'f.scope': '范围', 'f.promisedBy': '承诺时间',
      'f.promisedResult': '承诺结果', 'f.confirmation': '客户确认(方式/时间)',
      'f.askedTogether': '同时被询问的员工(用户名,逗号分隔)', 'f.major': '重大投诉', 'f.paid': '有偿服务', 'f.dispatch': '立即登记并下传', 'f.drill': '试运行(演练)',
      'ch.HOTLINE': '热线电话', 'ch.WALK_IN': '来访', 'ch.WEB': '网页', 'ch.APP': 'App', 'ch.INTERNAL': '内部', 'ch.OTHER': '其他',
      'size.SMALL': '小', 'size.LARGE': '大', 'scope.IN_SCOPE': '合同内', 'scope.OUT_OF_SCOPE': '合同外(有偿)',
      'col.id': '编号', 'col.received': '受理时间', 'col.category': '类别', 'col.customer': '客户', 'col.description': '内容',
      'col.stage': '阶段', 'col.department': '部门', 'col.countdown': '倒计时', 'col.commands': '操作'
    },
    en: {
      'desk.title': 'Desk console · first-contact responsibility', 'desk.toDepartment': 'Department view',
      'desk.record': 'Record a call or visit', 'desk.keyNew': 'new call', 'desk.keySubmit': 'accept', 'desk.accept': 'Accept',
      'desk.open': 'All open', 'desk.mine': 'Mine as first responder', 'desk.overdue': 'Overdue', 'desk.accepted': 'Accepted',
      'f.channel': 'Channel', 'f.category': 'Category', 'f.customer': 'Customer', 'f.unit': 'Unit / address', 'f.phone': 'Phone',
      'f.description': 'What is needed', 'f.subcategory': 'Subcategory', 'f.size': 'Size', 'f.scope': 'Scope',
      'f.promisedBy': 'Promised by', 'f.promisedResult': 'Promised result',
      'f.confirmation': 'Customer confirmation (how / when)', 'f.askedTogether': 'Staff asked together (usernames, comma-separated)', 'f.major': 'Major complaint', 'f.paid': 'Paid service',
      'f.dispatch': 'Register and dispatch now', 'f.drill': 'Trial run (drill)',
      'ch.HOTLINE': 'Hotline', 'ch.WALK_IN': 'Walk-in', 'ch.WEB': 'Web', 'ch.APP': 'App', 'ch.INTERNAL': 'Internal', 'ch.OTHER': 'Other',
      'size.SMALL': 'Small', 'size.LARGE': 'Large', 'scope.IN_SCOPE': 'In scope', 'scope.OUT_OF_SCOPE': 'Out of scope (paid)',
      'col.id': 'Id', 'col.received': 'Received', 'col.category': 'Category', 'col.customer': 'Customer',
      'col.description': 'Description', 'col.stage': 'Stage', 'col.department': 'Department', 'col.countdown': 'Time left',
      'col.commands': 'Commands'
    }
  });

  // the list shows the next steps of the chain; escalation, override and merge are in the details
  const CHAIN = 'chain';
  let me = null;
  let tab = 'open';
  let selected = null;

  function query() {
    if (tab === 'mine') return '/api/requests?status=OPEN&firstResponder=' + encodeURIComponent(me.employeeId) + '&size=100';
    if (tab === 'overdue') return '/api/requests?status=OPEN&overdue=true&size=100';
    return '/api/requests?status=OPEN&size=100';
  }

  function refresh() {
    return fcr.api(query()).then(page => {
      const body = document.querySelector('#requests tbody');
      body.innerHTML = '';
      page.items.forEach(item => {
        const row = el('tr', { 'data-id': item.id, class: item.id === selected ? 'selected' : null, onclick: () => open(item.id) }, [
          intake.idCell(item),
          el('td', { text: new Date(item.receivedAt).toLocaleString(fcr.language()) }),
          el('td', { text: fcr.t('cat.' + item.category) + (item.subcategory ? ' · ' + item.subcategory : ''), class: item.major ? 'major' : null }),
          el('td', { text: item.customerName + (item.customerUnit ? ' ' + item.customerUnit : '') }),
          el('td', { text: item.description }),
          el('td', { class: 'stage', text: fcr.t('stage.' + item.stage) }),
          el('td', { text: item.department || '' }),
          intake.deadlineCell(item),
          el('td', {}, [intake.commandButtons(document.getElementById('list-card'), item, CHAIN, changed)])
        ]);
        body.appendChild(row);
      });
      intake.tickCountdowns();
    }).catch(e => intake.showError(document.getElementById('list-card'), e));
  }

  function changed(view) {
    refresh();
    open(view.id);
  }

  function open(id) {
    selected = id;
    document.querySelectorAll('#requests tbody tr').forEach(r => r.classList.toggle('selected', r.dataset.id === id));
    return fcr.api('/api/requests/' + encodeURIComponent(id)).then(view => {
      const details = document.getElementById('details');
      intake.renderTimeline(details, view);
      details.prepend(intake.commandButtons(details, view, null, changed));
    });
  }

  function record(ev) {
    ev.preventDefault();
    const v = id => document.getElementById(id).value.trim();
    const promised = v('promised-by');
    const body = {
      channel: v('channel'), category: v('category'), subcategory: v('subcategory') || null, size: v('size'),
      scope: v('scope'), major: document.getElementById('major').checked, paid: document.getElementById('paid').checked,
      customer: { name: v('customer-name'), unit: v('customer-unit') || null, phone: v('customer-phone') || null },
      description: v('description'), promisedBy: promised ? new Date(promised).toISOString() : null,
      promisedResult: v('promised-result') || null, dispatch: document.getElementById('dispatch').checked,
      // a drill by choice; the server also marks one during a trial period or for a department in TRIAL
      drill: document.getElementById('drill').checked,
      customerConfirmation: v('customer-confirmation') || null,
      // the highest-ranked of those asked together becomes first responder (the server applies the rule)
      askedTogether: v('asked-together') ? v('asked-together').split(/[,，\s]+/).filter(Boolean) : null
    };
    const button = document.getElementById('record');
    button.disabled = true;
    // one key per recorded call: a double submit or a retry never makes a second request
    const key = button.dataset.key || (button.dataset.key = 'call-' + Date.now() + '-' + Math.random().toString(36).slice(2));
    fcr.api('/api/requests', { method: 'POST', body, headers: { 'Idempotency-Key': key } })
      .then(view => {
        delete button.dataset.key;
        toast(fcr.t('desk.accepted') + ' ' + view.id);
        document.getElementById('call-form').reset();
        document.getElementById('customer-name').focus();
        refresh().then(() => open(view.id));
      })
      .catch(e => intake.showError(document.querySelector('#call-form').parentElement, e))
      .finally(() => { button.disabled = false; });
  }

  function toast(text) {
    const t = el('div', { id: 'toast', text });
    document.body.appendChild(t);
    setTimeout(() => t.remove(), 4000);
  }

  function selectTab(name) {
    tab = name;
    ['open', 'mine', 'overdue'].forEach(n => document.getElementById('tab-' + n).classList.toggle('active', n === name));
    refresh();
  }

  fcr.ready(() => {
    intake.header().then(who => {
      me = who;
      document.getElementById('call-form').addEventListener('submit', record);
      document.addEventListener('keydown', ev => {
        if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey) && ev.target.closest('#call-form')) record(ev);
        if (ev.altKey && (ev.key === 'n' || ev.key === 'N')) { ev.preventDefault(); document.getElementById('customer-name').focus(); }
      });
      ['open', 'mine', 'overdue'].forEach(n => document.getElementById('tab-' + n).addEventListener('click', () => selectTab(n)));
      document.addEventListener('fcr:language', () => refresh());
      document.getElementById('customer-name').focus();
      intake.keepCurrent(refresh);
    });
  });
})();

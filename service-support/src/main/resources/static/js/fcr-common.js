/*
 * Shared by every page of the platform: sign-in (HTTP Basic kept in sessionStorage, sent on each
 * call), JSON calls that surface problem+json details, server-sent events over fetch (so they can
 * carry the Authorization header), and zh-CN / English labels.
 */
(function (global) {
  'use strict';

  const CREDENTIALS_KEY = 'fcr.credentials';
  const LANGUAGE_KEY = 'fcr.lang';
  const dictionaries = { 'zh-CN': {}, en: {} };

  function credentials() {
    return sessionStorage.getItem(CREDENTIALS_KEY);
  }

  function signIn(username, password) {
    sessionStorage.setItem(CREDENTIALS_KEY, btoa(unescape(encodeURIComponent(username + ':' + password))));
    sessionStorage.setItem(CREDENTIALS_KEY + '.user', username);
  }

  function signOut() {
    sessionStorage.removeItem(CREDENTIALS_KEY);
    sessionStorage.removeItem(CREDENTIALS_KEY + '.user');
  }

  function currentUser() {
    return sessionStorage.getItem(CREDENTIALS_KEY + '.user');
  }

  function headers(extra) {
    const h = Object.assign({ Accept: 'application/json' }, extra || {});
    const c = credentials();
    if (c) h.Authorization = 'Basic ' + c;
    return h;
  }

  /** Calls a JSON API; rejects with an Error whose message is the problem's detail. */
  async function api(path, options) {
    const opts = options || {};
    const init = { method: opts.method || 'GET', headers: headers(opts.headers) };
    if (opts.body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    }
    const response = await fetch(path, init);
    const type = response.headers.get('Content-Type') || '';
    const payload = type.includes('json') ? await response.json() : await response.text();
    if (!response.ok) {
      const error = new Error((payload && payload.detail) || (payload && payload.title) || response.statusText);
      error.status = response.status;
      error.problem = payload;
      if (response.status === 401) showSignIn();
      throw error;
    }
    return payload;
  }

  /** Saves what an API path answers (an export) as a file; rejects with the problem's detail. */
  async function download(path, filename) {
    const response = await fetch(path, { headers: headers({ Accept: '*/*' }) });
    if (!response.ok) {
      const type = response.headers.get('Content-Type') || '';
      const problem = type.includes('json') ? await response.json() : null;
      if (response.status === 401) showSignIn();
      throw new Error((problem && problem.detail) || response.statusText);
    }
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  /** Server-sent events with the sign-in header; calls onEvent(name, data) and reconnects. */
  function stream(path, onEvent) {
    let stopped = false;
    async function connect() {
      while (!stopped) {
        try {
          const response = await fetch(path, { headers: headers({ Accept: 'text/event-stream' }) });
          if (!response.ok) throw new Error('stream ' + response.status);
          const reader = response.body.getReader();
          const decoder = new TextDecoder();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += decoder.decode(value, { stream: true });
            let cut;
            while ((cut = buffer.indexOf('\n\n')) >= 0) {
              const block = buffer.slice(0, cut);
              buffer = buffer.slice(cut + 2);
              let name = 'message';
              const data = [];
              block.split('\n').forEach(line => {
                if (line.startsWith('event:')) name = line.slice(6).trim();
                else if (line.startsWith('data:')) data.push(line.slice(5).trim());
              });
              if (data.length) {
                let parsed = data.join('\n');
                try { parsed = JSON.parse(parsed); } catch (e) { /* plain text event */ }
                onEvent(name, parsed);
              }
            }
          }
        } catch (e) {
          /* fall through to reconnect */
        }
        await new Promise(r => setTimeout(r, 2000));
      }
    }
    connect();
    return () => { stopped = true; };
  }

  function language() {
    return localStorage.getItem(LANGUAGE_KEY) || 'zh-CN';
  }

  /** Registers a page's labels: messages({'zh-CN': {...}, en: {...}}). */
  function messages(dict) {
    Object.keys(dict).forEach(lang => Object.assign(dictionaries[lang] = dictionaries[lang] || {}, dict[lang]));
    translate();
  }

  function t(key) {
    const lang = language();
    return (dictionaries[lang] && dictionaries[lang][key]) || dictionaries['zh-CN'][key] || key;
  }

  /** Fills every [data-i18n] element (text) and [data-i18n-placeholder] (placeholder). */
  function translate(root) {
    const scope = root || document;
    document.documentElement.lang = language();
    scope.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
    scope.querySelectorAll('[data-i18n-placeholder]').forEach(el => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  }

  function setLanguage(lang) {
    localStorage.setItem(LANGUAGE_KEY, lang);
    translate();
    document.dispatchEvent(new CustomEvent('fcr:language', { detail: lang }));
  }

  /** A small sign-in dialog, shown when there are no credentials or the server said 401. */
  function showSignIn() {
    if (document.getElementById('fcr-signin')) return;
    const dialog = document.createElement('div');
    dialog.id = 'fcr-signin';
    dialog.className = 'fcr-signin';
    dialog.innerHTML =
      '<form><h2>' + t('signin.title') + '</h2>' +
      '<label>' + t('signin.username') + ' <input id="fcr-username" name="username" autocomplete="username" required></label>' +
      '<label>' + t('signin.password') + ' <input id="fcr-password" name="password" type="password" autocomplete="current-password" required></label>' +
      '<button id="fcr-signin-submit" type="submit">' + t('signin.submit') + '</button></form>';
    dialog.querySelector('form').addEventListener('submit', ev => {
      ev.preventDefault();
      signIn(dialog.querySelector('#fcr-username').value, dialog.querySelector('#fcr-password').value);
      dialog.remove();
      document.dispatchEvent(new CustomEvent('fcr:signed-in', { detail: currentUser() }));
    });
    document.body.appendChild(dialog);
    dialog.querySelector('#fcr-username').focus();
  }

  /**
   * The trial run in force (issue 18), in zh-CN then English, from intake's GET /api/trial settings at the
   * instant now: a declared period covering now (every request a drill, site-wide) and the departments in
   * TRIAL; null when everything is live.
   */
  function trialNotice(settings, now) {
    if (!settings) return null;
    const at = now || new Date();
    const period = (settings.periods || []).find(p => new Date(p.from) <= at && at < new Date(p.to));
    const departments = (settings.departments || []).filter(d => d.mode === 'TRIAL').map(d => d.code);
    if (!period && !departments.length) return null;
    const zh = [];
    const en = [];
    if (period) {
      const from = new Date(period.from).toLocaleString('zh-CN');
      const to = new Date(period.to).toLocaleString('zh-CN');
      zh.push('模拟试运行中（' + from + ' 至 ' + to + '）：全站新受理的请求均为演练，不计分，不通知客户。原因：' + period.reason);
      en.push('TRIAL RUN in force (' + period.from + ' to ' + period.to + '): every new request, site-wide, is a drill — '
        + 'not scored, customers not told. Reason: ' + period.reason);
    }
    if (departments.length) {
      zh.push('试运行部门：' + departments.join('、') + '（其人员受理的请求为演练）');
      en.push('Departments in trial: ' + departments.join(', ') + ' (requests their staff accept are drills)');
    }
    return { zh: zh.join(' '), en: en.join(' '), period: period ? period.id : null, departments };
  }

  const TRIAL_BASE_KEY = 'fcr.trial-base';

  /**
   * Intake's settings: this origin's /api/trial when the page is intake's, else intake's address
   * (<meta name="fcr-intake-url">, or port 8081 of this host as the run command and compose serve it).
   */
  async function trialSettings() {
    const known = sessionStorage.getItem(TRIAL_BASE_KEY);
    const meta = document.querySelector('meta[name="fcr-intake-url"]');
    const other = (meta && meta.content) || (location.protocol + '//' + location.hostname + ':8081');
    for (const base of known !== null ? [known] : ['', other]) {
      const response = await fetch(base + '/api/trial', { headers: headers() });
      if (response.ok) {
        sessionStorage.setItem(TRIAL_BASE_KEY, base);
        return response.json();
      }
      if (response.status !== 404) return null;
    }
    return null;
  }

  /** A banner no one can miss at the top of every page while a trial run is in force; looked at every minute. */
  async function showTrial() {
    let notice = null;
    try {
      notice = trialNotice(await trialSettings());
    } catch (e) {
      /* intake unreachable: no banner rather than a broken page */
    }
    let banner = document.getElementById('fcr-trial-banner');
    if (!notice) {
      if (banner) banner.remove();
      return;
    }
    if (!banner) {
      banner = document.createElement('div');
      banner.id = 'fcr-trial-banner';
      banner.className = 'fcr-trial-banner';
      banner.setAttribute('role', 'alert');
      document.body.insertBefore(banner, document.body.firstChild);
    }
    banner.replaceChildren();
    [notice.zh, notice.en].forEach((text, i) => {
      const line = document.createElement('div');
      line.lang = i === 0 ? 'zh-CN' : 'en';
      line.textContent = text;
      banner.appendChild(line);
    });
  }

  /** Call once per page: shows sign-in if needed, then runs start(). */
  function ready(start) {
    const run = () => {
      translate();
      start();
      showTrial();
      setInterval(showTrial, 60000);
    };
    document.addEventListener('DOMContentLoaded', () => {
      if (credentials()) run();
      else {
        document.addEventListener('fcr:signed-in', run, { once: true });
        showSignIn();
      }
    });
  }

  messages({
    'zh-CN': { 'signin.title': '登录', 'signin.username': '用户名', 'signin.password': '密码', 'signin.submit': '登录' },
    en: { 'signin.title': 'Sign in', 'signin.username': 'Username', 'signin.password': 'Password', 'signin.submit': 'Sign in' }
  });

  global.fcr = { api, download, stream, messages, t, translate, language, setLanguage, signIn, signOut, currentUser, ready, showSignIn,
    trialNotice, showTrial };
})(window);

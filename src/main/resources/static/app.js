/*
 * integrity-desk: small enhancements of the server-rendered pages. Everything works without this script
 * (Tor Browser "Safest"); with it, text areas count their characters and file pickers list the chosen files and
 * warn before sending too many or too large ones. Every word comes from the page (data-* attributes written from
 * messages*.properties). Served under a strict CSP: no inline script or style.
 */
'use strict';

(() => {
  const number = new Intl.NumberFormat(document.documentElement.lang || 'th');

  function counter(area) {
    const out = document.getElementById(area.id + '-count');
    const max = Number(area.getAttribute('maxlength'));
    if (!out || !max) return;
    const update = () => {
      const n = area.value.length;
      out.textContent = number.format(n) + ' / ' + number.format(max);
      out.classList.toggle('is-over', n > max);
    };
    area.addEventListener('input', update);
    update();
  }

  function size(bytes) {
    return bytes >= 1048576 ? number.format(Math.round(bytes / 104857.6) / 10) + ' MB'
      : number.format(Math.max(1, Math.round(bytes / 1024))) + ' KB';
  }

  function picker(input) {
    const list = document.getElementById(input.id + '-list');
    const status = document.getElementById(input.id + '-status');
    const maxFiles = Number(input.dataset.maxFiles);
    const maxBytes = Number(input.dataset.maxBytes);
    input.addEventListener('change', () => {
      const files = Array.from(input.files || []);
      list.replaceChildren(...files.map((file) => {
        const item = document.createElement('li');
        item.className = 'file-item';
        const name = document.createElement('span');
        name.className = 'file-name';
        name.textContent = file.name;
        const weight = document.createElement('span');
        weight.className = 'file-size';
        weight.textContent = size(file.size);
        item.append(name, weight);
        return item;
      }));
      list.hidden = files.length === 0;
      let problem = '';
      if (maxFiles && files.length > maxFiles) problem = input.dataset.tooMany;
      else if (maxBytes && files.some((f) => f.size > maxBytes)) problem = input.dataset.tooLarge;
      status.textContent = problem || '';
      status.classList.toggle('is-error', Boolean(problem));
    });
  }

  document.querySelectorAll('textarea.counted').forEach(counter);
  document.querySelectorAll('input.file-input').forEach(picker);
})();

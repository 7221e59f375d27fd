// svmc ui: sends the page's forms as JSON to the local server, uploads chosen files first, and
// reloads the page so it shows svmc.yaml as it is on disk after the change.
const FLASH = 'svmc-flash';

function fields(form) {
  const values = {};
  for (const element of form.elements) {
    if (!element.name || element.type === 'file' || element.type === 'submit') continue;
    if (element.type === 'checkbox') values[element.name] = element.checked ? element.value : '';
    else if (element.type === 'radio') {
      if (element.checked) values[element.name] = element.value;
    } else values[element.name] = element.value;
  }
  return values;
}

async function post(path, body, type) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': type, 'X-Svmc-Request': '1' },
    body,
    credentials: 'same-origin',
  });
  let answer = {};
  try {
    answer = await response.json();
  } catch {
    answer = { error: `The server answered ${response.status}.` };
  }
  return { status: response.status, answer };
}

async function upload(form, values) {
  const input = form.querySelector('input[type=file]');
  const file = input?.files?.[0];
  if (!file) return true;
  const query = (overwrite) => `/api/upload?criterion=${encodeURIComponent(values.criterion)}&name=${encodeURIComponent(file.name)}${overwrite ? '&overwrite=1' : ''}`;
  let sent = await post(query(false), file, 'application/octet-stream');
  if (sent.status === 409 && window.confirm(`${sent.answer.error} Replace it with the file you chose?`)) sent = await post(query(true), file, 'application/octet-stream');
  if (sent.status !== 200) {
    show(form, sent.answer.error ?? 'The file was not uploaded.');
    return false;
  }
  values.file = sent.answer.file;
  return true;
}

function show(form, message) {
  const place = form.querySelector('.result');
  place.textContent = message;
  place.classList.add('error');
}

// Which form it was, found again after the reload by what it acts on (its index may shift).
function formKey(form) {
  const value = (name) => form.querySelector(`input[type=hidden][name="${name}"]`)?.value ?? '';
  return [form.dataset.api, value('criterion'), value('file'), value('role'), value('draft')].join('|');
}

async function submit(event) {
  const form = event.target.closest('form[data-api]');
  if (!form) return;
  event.preventDefault();
  if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) return;
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  form.setAttribute('aria-busy', 'true');
  try {
    const values = fields(form);
    if (!(await upload(form, values))) return;
    const { status, answer } = await post(form.dataset.api, JSON.stringify(values), 'application/json');
    if (status !== 200) return show(form, answer.error ?? `The server answered ${status}.`);
    sessionStorage.setItem(FLASH, JSON.stringify({ message: answer.message, form: formKey(form), top: form.dataset.after === 'top' }));
    // A form whose result shows at the top of the page (the chart) is followed there.
    if (form.dataset.after === 'top') history.scrollRestoration = 'manual';
    window.location.reload();
  } catch {
    show(form, 'The svmc server cannot be reached: is it still running in its terminal?');
  } finally {
    button.disabled = false;
    form.removeAttribute('aria-busy');
  }
}

document.addEventListener('submit', submit);

document.addEventListener('DOMContentLoaded', () => {
  const flash = sessionStorage.getItem(FLASH);
  if (!flash) return;
  sessionStorage.removeItem(FLASH);
  const { message, form: key, top } = JSON.parse(flash);
  const place = document.getElementById('flash');
  if (!place || !message) return;
  place.textContent = message;
  place.classList.add('shown');
  // Said again beside the form that was sent, where the reload leaves the reader; else at the top.
  const form = [...document.querySelectorAll('form[data-api]')].find((candidate) => formKey(candidate) === key);
  if (form && !top) form.querySelector('.result').textContent = message;
  else {
    // After the browser has put the page back where it was: then to the top, and back to its usual ways.
    window.addEventListener('load', () =>
      setTimeout(() => {
        window.scrollTo(0, 0);
        history.scrollRestoration = 'auto';
      }, 0),
    );
  }
});

// A link to a field inside a closed section (the form that adds evidence) opens the section.
function reveal() {
  const target = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
  const details = target?.closest('details');
  if (details && !details.open) details.open = true;
}

window.addEventListener('hashchange', reveal);
document.addEventListener('DOMContentLoaded', reveal);

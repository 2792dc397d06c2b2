// The demo page's script: logs every event of every widget, and opens the launcher's
// dialog at an article through the JavaScript API.
import selfhelp from './selfhelp.js';

const log = document.getElementById('event-log');
const names = ['ready', 'open', 'close', 'view', 'answer', 'resolved', 'escalated', 'submit', 'error'];
for (const name of names) {
  document.addEventListener(`selfhelp:${name}`, (event) => {
    const item = document.createElement('li');
    item.textContent = `${name} ${JSON.stringify(event.detail)}`;
    log.prepend(item);
  });
}

const launcher = selfhelp.mount(document.getElementById('help-launcher'));
document.getElementById('open-popup').addEventListener('click', () => {
  launcher.open('dcb1cb39-ac8b-4542-9575-9f52ff11cecf');
});

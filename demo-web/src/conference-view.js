import { describeError } from './messages.js';

const MODERATOR_ACTIONS = [
  { action: 'mute', label: 'Mute', when: (m) => !m.muted },
  { action: 'unmute', label: 'Unmute', when: (m) => m.muted },
  { action: 'videoFloor', label: 'Spotlight', when: (m) => m.video && !m.floor },
  { action: 'kick', label: 'Remove', when: (m) => !m.self },
];

/**
 * Binds the conference panel: the roster (a dot that lights while a member talks, muted and deaf
 * flags, this page's own member marked), the room's chat, and, for a moderator, per-member
 * actions (mute, unmute, spotlight, remove).
 *
 * @param {Document} doc
 * @param {ReturnType<typeof import('./softphone.js').createSoftphone>} softphone
 */
export function bindConferenceView(doc, softphone) {
  const $ = (id) => doc.getElementById(id);
  const el = {
    panel: $('conference-panel'),
    room: $('conference-room'),
    role: $('conference-role'),
    roster: $('roster'),
    chatLog: $('conference-chat-log'),
    chatForm: $('conference-chat-form'),
    chatInput: $('conference-chat-input'),
  };

  el.roster.addEventListener('click', (event) => {
    const button = event.target.closest('[data-action]');
    if (!button) return;
    void softphone.moderate(button.dataset.action, Number(button.dataset.member));
  });
  el.chatForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void softphone
      .sendConferenceChat(el.chatInput.value)
      .then((sent) => sent && (el.chatInput.value = ''))
      .catch((error) => softphone.showProblem(describeError(error)));
  });

  function render(state) {
    const conf = state.conference;
    el.panel.hidden = !conf;
    if (!conf) return;
    el.room.textContent = conf.room;
    el.role.textContent = conf.isModerator ? 'Moderator' : 'Participant';
    el.roster.replaceChildren(...conf.members.map((m) => memberItem(m, conf.isModerator)));
    el.chatLog.replaceChildren(
      ...conf.chat.map((entry) => {
        const li = doc.createElement('li');
        li.className = entry.mine ? 'mine' : 'theirs';
        const who = doc.createElement('strong');
        who.textContent = entry.mine ? 'You' : entry.from;
        li.append(who, doc.createTextNode(` ${entry.body}`));
        return li;
      }),
    );
  }

  function memberItem(member, moderator) {
    const li = doc.createElement('li');
    li.dataset.testid = `member-${member.id}`;
    li.dataset.talking = String(member.talking);
    li.dataset.muted = String(member.muted);
    const dot = doc.createElement('span');
    dot.className = 'talking-dot';
    dot.title = member.talking ? 'Talking' : '';
    const who = doc.createElement('span');
    who.className = 'who';
    who.textContent = `${member.name}${member.name !== member.number ? ` (${member.number})` : ''}${member.self ? ' — you' : ''}`;
    li.append(dot, who);
    for (const [flag, on, text] of [['muted', member.muted, 'Muted'], ['deaf', member.deaf, 'Deaf'], ['floor', member.floor, 'Floor']]) {
      if (!on) continue;
      const span = doc.createElement('span');
      span.className = `flag ${flag}`;
      span.textContent = text;
      li.append(span);
    }
    if (moderator) {
      const box = doc.createElement('span');
      box.className = 'mod';
      for (const { action, label, when } of MODERATOR_ACTIONS) {
        if (!when(member)) continue;
        const button = doc.createElement('button');
        button.type = 'button';
        button.dataset.action = action;
        button.dataset.member = String(member.id);
        button.dataset.testid = `moderate-${action}-${member.id}`;
        button.textContent = label;
        box.append(button);
      }
      li.append(box);
    }
    return li;
  }

  softphone.onChange(render);
  render(softphone.state);
  return { render };
}

import { describeError } from './messages.js';

/**
 * Binds the page's video and device controls: the video-call and answer-with-video buttons, the
 * video tiles (remote picture, local preview), the camera and screen-share buttons, and the
 * device pickers. Like view.js it renders the softphone's snapshots and turns clicks into its
 * actions; ids and data-testid attributes are stable for the end-to-end tests.
 *
 * @param {Document} doc
 * @param {ReturnType<typeof import('./softphone.js').createSoftphone>} softphone
 * @param {{dialInput: HTMLInputElement, showError: (text: string) => void}} page
 */
export function bindMediaView(doc, softphone, { dialInput, showError }) {
  const $ = (id) => doc.getElementById(id);
  const el = {
    videoCall: $('video-call-button'),
    answerVideo: $('answer-video-button'),
    stage: $('video-stage'),
    remoteVideo: $('remote-video'),
    localVideo: $('local-video'),
    camera: $('camera-button'),
    screen: $('screen-button'),
    pickers: [$('microphone-select'), $('camera-select'), $('speaker-select')],
    devices: $('devices'),
  };
  softphone.setVideoElements({ remote: el.remoteVideo, local: el.localVideo });
  const act = (promise) => Promise.resolve(promise).catch((error) => showError(describeError(error)));

  el.videoCall.addEventListener('click', () => {
    if (!softphone.dial(dialInput.value, { video: true })) showError(softphone.state.notice ?? '');
  });
  el.answerVideo.addEventListener('click', () => act(softphone.answer({ video: true })));
  el.camera.addEventListener('click', () => act(softphone.toggleCamera()));
  el.screen.addEventListener('click', () => act(softphone.toggleScreenShare()));
  for (const picker of el.pickers) picker.addEventListener('change', () => act(softphone.selectDevice(picker.dataset.kind, picker.value)));
  // labels come once a device was granted: read the lists again when the person opens the pickers
  el.devices.addEventListener('toggle', () => el.devices.open && act(softphone.refreshDevices()));

  function render(state) {
    const call = state.call;
    const connected = call?.state === 'active' || call?.state === 'held';
    el.videoCall.disabled = Boolean(call) || state.connection !== 'ready';
    el.answerVideo.hidden = call?.state !== 'ringing' || !call.video;
    el.stage.hidden = !call?.video;
    if (el.localVideo.srcObject) el.localVideo.dataset.live = '';
    else delete el.localVideo.dataset.live;
    el.camera.disabled = !connected;
    el.camera.setAttribute('aria-pressed', String(Boolean(call?.cameraOn)));
    el.camera.textContent = call?.cameraOn ? 'Camera off' : 'Camera on';
    el.screen.disabled = !connected;
    el.screen.setAttribute('aria-pressed', String(Boolean(call?.sharing)));
    el.screen.textContent = call?.sharing ? 'Stop sharing' : 'Share screen';
    renderPickers(state.devices);
  }

  function renderPickers(devices) {
    const lists = { microphone: devices.microphones, camera: devices.cameras, speaker: devices.speakers };
    for (const picker of el.pickers) {
      const kind = picker.dataset.kind;
      const list = lists[kind] ?? [];
      const selected = devices.selected?.[kind] ?? '';
      const options = [{ deviceId: '', label: 'Default' }, ...list].map((d, i) => {
        const option = doc.createElement('option');
        option.value = d.deviceId;
        option.textContent = d.label || (d.deviceId ? `${kind} ${i}` : 'Default');
        option.selected = d.deviceId === selected;
        return option;
      });
      const signature = options.map((o) => `${o.value}:${o.textContent}`).join('|');
      if (picker.dataset.signature !== signature) {
        picker.replaceChildren(...options);
        picker.dataset.signature = signature;
      }
      picker.value = selected;
      picker.disabled = list.length === 0;
    }
  }

  softphone.onChange(render);
  render(softphone.state);
  return { render };
}

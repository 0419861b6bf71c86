// Entry of the kiosk UI: connect to the core, start the camera, mount the screen, redraw on every view.
import { startCameraController } from './camera/index.js';
import { createCameraReporter } from './cameraReporter.js';
import { keepFetchLocal } from './keepFetchLocal.js';
import { createKioskClient } from './kioskClient.js';
import { mountKioskScreen } from './renderKiosk.js';

// Before the camera and MediaPipe start: nothing on this screen reaches another host.
keepFetchLocal();

const root = document.getElementById('kiosk');
if (!root) throw new Error('index.html has no #kiosk element');

const client = createKioskClient();
// Presence wakes the kiosk; frames go to the core only while 养老认证 asks for them. Nothing is stored here.
// A camera that fails, stops or comes back is reported to the core, which decides what it means for the visit.
const camera = startCameraController({
  onPresence: (event) => client.send({ type: event }),
  onFrame: (frame) => client.send({ type: 'auth.frame', frame }),
  onCameraChange: createCameraReporter(client),
});
const screen = mountKioskScreen(root, (input) => client.send(input), camera);
client.onConnectionChange((state) => screen.showConnection(state));
client.onError((message) => screen.showTransportError(message));
client.subscribe((view) => screen.showView(view));

// A long press on a touch screen must not open a context menu over the kiosk.
document.addEventListener('contextmenu', (event) => event.preventDefault());

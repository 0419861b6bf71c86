// Entry of the kiosk UI: connect to the core, mount the screen, redraw on every view.
import { createKioskClient } from './kioskClient.js';
import { mountKioskScreen } from './renderKiosk.js';

const root = document.getElementById('kiosk');
if (!root) throw new Error('index.html has no #kiosk element');

const client = createKioskClient();
const screen = mountKioskScreen(root, (input) => client.send(input));
client.onConnectionChange((state) => screen.showConnection(state));
client.onError((message) => screen.showTransportError(message));
client.subscribe((view) => screen.showView(view));

// A long press on a touch screen must not open a context menu over the kiosk.
document.addEventListener('contextmenu', (event) => event.preventDefault());

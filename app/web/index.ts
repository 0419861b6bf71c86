export { startWebKiosk, type WebKiosk, type WebKioskOptions } from './webKioskServer.js';
export { parseCitizenInput, parseClientMessage, maxQuestionLength, type Parsed } from './parseClientMessage.js';

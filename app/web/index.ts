export { startWebKiosk, type WebKiosk, type WebKioskOptions } from './webKioskServer.js';
export { parseCitizenInput, parseStaffInput, parseKioskInput, parseClientMessage, maxQuestionLength, type Parsed } from './parseClientMessage.js';

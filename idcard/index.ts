// idcard/: the resident ID-card reader's SAM module as GA 467 specifies it, on a serial port — frames, client,
// card text, chip-photo decoding behind an interface, and a simulator with demo cards (docs/idcard.md).

// Frames
export { encodeCommandFrame, encodeResponseFrame, xorCheck, MAX_FRAME_LENGTH, SAM_PREAMBLE, type SamCommand, type SamResponse } from './samFrame.js';
export { SamFrameScanner, type SamFrameDirection, type SamFrameScannerStats } from './samFrameScanner.js';
export { SamFrameParser } from './samFrameParser.js';
export { SamCommandCode, samCommandName, type SamCommandName } from './samCommands.js';
export { describeSamStatus, SamStatus, samUnusable, type SamStatusCode } from './samStatus.js';

// Card data
export { encodeIdCardText, ID_CARD_TEXT_FIELDS, ID_CARD_TEXT_LENGTH, idCardValidOn, LONG_TERM, parseIdCardText } from './idCardText.js';
export type { GenderCode, IdCardText, IdCardTextField, IdCardTextParse } from './idCardText.js';
export { hasValidIdNumberChecksum, idNumberCheckCharacter } from './idNumberCheck.js';
export { encodeSamId, parseSamId, type SamId } from './samId.js';
export { joinBaseInfo, splitBaseInfo, WLT_PHOTO_LENGTH } from './baseInfo.js';

// Client, errors, events, transport
export { createIdCardReader } from './idCardReader.js';
export type { IdCardRead, IdCardReader, IdCardReaderOptions, IdCardReaderState, IdCardReaderStats } from './idCardReader.js';
export { errorKindOfStatus, IdCardError, type IdCardErrorKind } from './idCardError.js';
export type { IdCardEvent, IdCardEventListener, IdCardFaultKind } from './idCardEvents.js';
export { DEFAULT_BAUD_RATE, openSerialIdCardPort, serialIdCardPortOpener, type IdCardTransport, type OpenIdCardPort } from './idCardTransport.js';

// Chip photo
export { checkedWltDecoder, NO_DECODER_MESSAGE, noWltDecoder, photoFormatOf, WltDecodeError, WLT_LENGTH } from './wlt/wltDecoder.js';
export type { PhotoFormat, WltDecodeErrorKind, WltDecoder } from './wlt/wltDecoder.js';
export { loadWltDecoder, type WltDecoderLoad, type WltDecoderModule } from './wlt/loadWltDecoder.js';
export { demoWltDecoder } from './wlt/demoWltDecoder.js';
export { demoWltCardId, encodeDemoWlt } from './wlt/demoWltPhoto.js';

// Simulator
export { startIdCardReaderSimulator } from './simulator/idCardReaderSimulator.js';
export type { IdCardReaderSimulator, IdCardReaderSimulatorFaults, IdCardReaderSimulatorOptions, ReceivedSamCommand } from './simulator/idCardReaderSimulator.js';
export { demoCards, type DemoCard } from './simulator/demoCards.js';
export { CommandFrameReader, type HostCommand } from './simulator/commandFrameReader.js';

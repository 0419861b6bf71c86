// robot/: the motion controller of the kiosk's base — protocol, client, simulator, self-tests (docs/robot-protocol.md).

export { crc16 } from './crc16.js';
export { FrameType, MAX_PAYLOAD_LENGTH } from './frameTypes.js';
export { encodeFrame, type Frame } from './frameCodec.js';
export { FrameScanner } from './frameScanner.js';
export { FrameParser } from './frameParser.js';
export { decodeCommand, encodeCommand } from './commands.js';
export type { RobotCommand } from './commands.js';
export { decodeTelemetry, encodeTelemetry, type RobotTelemetry } from './telemetry.js';
export { decodeAck, decodeNak, encodeAck, encodeNak } from './acknowledgement.js';
export { decodeHeartbeat, encodeHeartbeat } from './heartbeat.js';
export { decodeHelloReply, encodeHelloReply } from './helloReply.js';
export type { RobotEvent } from './robotEvents.js';
export { createMotionClient } from './motionClient.js';
export type { MotionClient, MotionClientOptions } from './motionClient.js';
export { startMotionSimulator } from './simulator/motionSimulator.js';
export type { MotionSimulator, MotionSimulatorOptions } from './simulator/motionSimulator.js';
export { DeviceFrameReader, writeDeviceFrame } from './simulator/deviceFraming.js';
export { crc16Bitwise } from './simulator/crc16Bitwise.js';
export { checkPowerAndSafety, checkShortMotion, runRobotSelfTests } from './diagnostics/robotSelfTest.js';
export type { SelfTestResult } from './diagnostics/robotSelfTest.js';

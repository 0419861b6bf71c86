// Wire constants of the motion-controller protocol (docs/robot-protocol.md). Change them only with the document.

export const PROTOCOL_VERSION = 1;

/** Every frame starts with these two bytes. */
export const FRAME_MARKER = [0xaa, 0x55] as const;

/** Payloads longer than this are refused by the encoder and treated as a corrupt header by the parsers. */
export const MAX_PAYLOAD_LENGTH = 64;

/** marker(2) + length(1) + ~length(1) + seq(1) + type(1) + crc(2). */
export const FRAME_OVERHEAD = 8;

/** Offset of the first payload byte; the CRC covers bytes [2, HEADER_LENGTH + length). */
export const HEADER_LENGTH = 6;

export const MAX_FRAME_LENGTH = FRAME_OVERHEAD + MAX_PAYLOAD_LENGTH;

/** Unreliable frames (heartbeats, telemetry, hello reply) carry seq 0; reliable commands use 1..255. */
export const UNSEQUENCED = 0;

export const FrameType = {
  // kiosk → device, reliable (acknowledged, retransmitted, executed once)
  Hello: 0x01,
  GoTo: 0x10,
  Velocity: 0x11,
  Stop: 0x12,
  HeadPanTilt: 0x13,
  Gesture: 0x14,
  Dock: 0x15,
  ResetEstop: 0x16,
  DryRun: 0x1f,
  // both directions, unreliable
  Heartbeat: 0x02,
  // device → kiosk
  Ack: 0x80,
  Nak: 0x81,
  HelloReply: 0x90,
  Telemetry: 0xa0,
} as const;

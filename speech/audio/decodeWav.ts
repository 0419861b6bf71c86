/**
 * Decodes a RIFF/WAVE file held in memory: integer PCM of 8, 16, 24 or 32 bits and IEEE float of 32 or 64 bits,
 * any channel count, plain or WAVE_FORMAT_EXTENSIBLE headers. Written here because sherpa-onnx's readWave refuses
 * extensible headers (what sox writes for 24-bit or multi-channel files) and keeps only the first channel.
 */
export interface DecodedWav {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** One array per channel, float samples in [-1, 1]. */
  channelData: Float32Array[];
}

const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_EXTENSIBLE = 0xfffe;

export function decodeWav(bytes: Buffer): DecodedWav {
  if (bytes.length < 12 || bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error('not a RIFF/WAVE file');
  }
  let format: { code: number; channels: number; sampleRate: number; blockAlign: number; bits: number } | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      let code = bytes.readUInt16LE(body);
      // The extensible header names the real format in the first two bytes of its sub-format GUID.
      if (code === FORMAT_EXTENSIBLE && size >= 40) code = bytes.readUInt16LE(body + 24);
      format = {
        code,
        channels: bytes.readUInt16LE(body + 2),
        sampleRate: bytes.readUInt32LE(body + 4),
        blockAlign: bytes.readUInt16LE(body + 12),
        bits: bytes.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (!format) throw new Error('WAV data chunk comes before its fmt chunk');
      // Streaming writers leave a placeholder size: the data then runs to the end of the file.
      const end = Math.min(bytes.length, body + size);
      return { sampleRate: format.sampleRate, channels: format.channels, bitsPerSample: format.bits, channelData: decodeSamples(bytes.subarray(body, end), format) };
    }
    offset = body + size + (size % 2); // chunks are padded to even sizes
  }
  throw new Error('WAV file has no data chunk');
}

function decodeSamples(data: Buffer, format: { code: number; channels: number; blockAlign: number; bits: number }): Float32Array[] {
  const { code, channels, bits } = format;
  if (channels < 1) throw new Error('WAV file declares no channels');
  const bytesPerSample = bits / 8;
  const readers: Record<string, (at: number) => number> = {
    [`${FORMAT_PCM}:8`]: (at) => (data.readUInt8(at) - 128) / 128,
    [`${FORMAT_PCM}:16`]: (at) => data.readInt16LE(at) / 32768,
    [`${FORMAT_PCM}:24`]: (at) => data.readIntLE(at, 3) / 8388608,
    [`${FORMAT_PCM}:32`]: (at) => data.readInt32LE(at) / 2147483648,
    [`${FORMAT_FLOAT}:32`]: (at) => data.readFloatLE(at),
    [`${FORMAT_FLOAT}:64`]: (at) => data.readDoubleLE(at),
  };
  const read = readers[`${code}:${bits}`];
  if (!read) throw new Error(`unsupported WAV encoding: format ${code}, ${bits} bits per sample`);
  const blockAlign = format.blockAlign || channels * bytesPerSample;
  const frames = Math.floor(data.length / blockAlign);
  const channelData = Array.from({ length: channels }, () => new Float32Array(frames));
  for (let f = 0; f < frames; f++) {
    for (let c = 0; c < channels; c++) channelData[c]![f] = read(f * blockAlign + c * bytesPerSample);
  }
  return channelData;
}

/** Averages the channels into one. */
export function mixToMono(channelData: Float32Array[]): Float32Array {
  if (channelData.length === 1) return channelData[0]!;
  const frames = channelData[0]?.length ?? 0;
  const mono = new Float32Array(frames);
  for (const channel of channelData) for (let i = 0; i < frames; i++) mono[i] = mono[i]! + channel[i]! / channelData.length;
  return mono;
}

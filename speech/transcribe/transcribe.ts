import path from 'node:path';
import { ENGINE_SAMPLE_RATE } from '../audio/audioFrame.js';
import { readAudioFile } from '../audio/readAudioFile.js';
import { recognizedText, type RecognizedText } from '../asr/recognizedText.js';
import type { RecognizerModel } from '../asr/recognizerModel.js';
import { recognizerConfig } from '../asr/streamingRecognizer.js';
import { loadSherpaOnnx, type SherpaOnlineRecognizer } from '../models/sherpaOnnx.js';
import { resolveSpeechModels } from '../models/resolveSpeechModels.js';
import { createVoiceActivityDetector, type VoiceActivityDetectorOptions, type VoiceSegment } from '../vad/voiceActivityDetector.js';

export interface TranscribedSegment {
  /** Seconds from the start of the file. */
  start: number;
  end: number;
  text: string;
  pinyin: string;
}

export interface Transcription {
  file: string;
  text: string;
  pinyin: string;
  segments: TranscribedSegment[];
  /** Processing time over audio duration (VAD + ASR). */
  rtf: number;
  durationSeconds: number;
  /** Which recognizer produced it. */
  recognizer: string;
}

export interface TranscribeOptions {
  /** The recognizer to use; default: the model manager's choice in `modelDir`. */
  recognizer?: RecognizerModel;
  /** Silero weights; default: the model manager's choice. */
  vadModelPath?: string;
  /** Model folders, searched in order (used when recognizer or vadModelPath is not given). */
  modelDir?: string | readonly string[];
  manifestPath?: string;
  numThreads?: number;
  vad?: Omit<VoiceActivityDetectorOptions, 'modelPath'>;
  /** Audio kept before each segment for the recognizer, so the first syllable is not cut. */
  preRollMs?: number;
}

const TAIL_SECONDS = 0.5;

async function resolveModels(options: TranscribeOptions): Promise<{ recognizer: RecognizerModel; vadModelPath: string }> {
  if (options.recognizer && options.vadModelPath) return { recognizer: options.recognizer, vadModelPath: options.vadModelPath };
  if (!options.modelDir) throw new Error('transcribe: give a recognizer and a VAD model, or the model folder to find them in');
  const models = await resolveSpeechModels({ modelDir: options.modelDir, ...(options.manifestPath ? { manifestPath: options.manifestPath } : {}) });
  const recognizer = options.recognizer ?? models.recognizer.model;
  const vadModelPath = options.vadModelPath ?? models.vad.modelPath;
  if (!recognizer) throw new Error(models.recognizer.reason);
  if (!vadModelPath) throw new Error(models.vad.reason);
  return { recognizer, vadModelPath };
}

function recognizeSegment(recognizer: SherpaOnlineRecognizer, model: RecognizerModel, samples: Float32Array): RecognizedText {
  const stream = recognizer.createStream();
  stream.acceptWaveform({ samples, sampleRate: ENGINE_SAMPLE_RATE });
  stream.acceptWaveform({ samples: new Float32Array(TAIL_SECONDS * ENGINE_SAMPLE_RATE), sampleRate: ENGINE_SAMPLE_RATE });
  stream.inputFinished();
  while (recognizer.isReady(stream)) recognizer.decode(stream);
  return recognizedText(recognizer.getResult(stream), model.output);
}

/**
 * Transcribes recordings offline: each file (any sample rate, channels and sample format) is converted to 16 kHz
 * mono, cut into speech segments by the VAD, and each segment (with a short lead-in) is recognized.
 * Errors of one file (unreadable, not a WAV) are thrown naming that file.
 */
export async function transcribe(files: readonly string[], options: TranscribeOptions = {}): Promise<Transcription[]> {
  const models = await resolveModels(options);
  const sherpa = loadSherpaOnnx();
  const recognizer = new sherpa.OnlineRecognizer(recognizerConfig(models.recognizer, options.numThreads ?? 1, 'greedy_search'));
  const vad = createVoiceActivityDetector({ ...options.vad, modelPath: models.vadModelPath });
  const preRoll = Math.round(((options.preRollMs ?? 300) * ENGINE_SAMPLE_RATE) / 1000);
  const results: Transcription[] = [];
  for (const file of files) {
    let audio;
    try {
      audio = await readAudioFile(file);
    } catch (error) {
      throw new Error(`${path.basename(file)}: ${(error as Error).message}`, { cause: error });
    }
    const began = performance.now();
    vad.reset();
    const voiceSegments: VoiceSegment[] = [];
    const frame = 320;
    for (let i = 0; i < audio.samples.length; i += frame) {
      for (const activity of vad.accept({ samples: audio.samples.subarray(i, i + frame), startMs: (i * 1000) / ENGINE_SAMPLE_RATE })) {
        if (activity.kind === 'ended') voiceSegments.push(activity.segment);
      }
    }
    for (const activity of vad.flush()) if (activity.kind === 'ended') voiceSegments.push(activity.segment);
    const segments: TranscribedSegment[] = [];
    for (const segment of voiceSegments) {
      const from = Math.max(0, Math.round((segment.startMs * ENGINE_SAMPLE_RATE) / 1000) - preRoll);
      const to = Math.min(audio.samples.length, Math.round((segment.endMs * ENGINE_SAMPLE_RATE) / 1000));
      const heard = recognizeSegment(recognizer, models.recognizer, audio.samples.subarray(from, to));
      if (heard.text === '') continue;
      segments.push({ start: round3(segment.startMs / 1000), end: round3(segment.endMs / 1000), ...heard });
    }
    const elapsed = (performance.now() - began) / 1000;
    results.push({
      file,
      text: segments.map((s) => s.text).join(' '),
      pinyin: segments.map((s) => s.pinyin).join(' '),
      segments,
      rtf: audio.durationSeconds > 0 ? round3(elapsed / audio.durationSeconds, 4) : 0,
      durationSeconds: round3(audio.durationSeconds),
      recognizer: models.recognizer.id,
    });
  }
  return results;
}

function round3(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

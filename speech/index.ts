// speech/: local Mandarin speech for the kiosk. Device library: imports nothing from app/ or other device folders.
export type { SpeechEvent, SpeechEventType } from './speechEvents.js';

// ── input: audio sources ───────────────────────────────────────────────────────────────────────────────────
export { ENGINE_SAMPLE_RATE, type AudioFrame } from './audio/audioFrame.js';
export { MICROPHONE_FAULT_MESSAGE, microphoneFault, type AudioFault, type AudioRestored, type AudioSource, type AudioSourceEvent } from './audio/audioSource.js';
export { createMicrophoneSource, type MicrophoneSource, type MicrophoneSourceOptions } from './audio/microphoneSource.js';
export { recorderCommand, type RecorderCommand, type RecorderName, type RecorderSettings } from './audio/recorderCommand.js';
export { createWavFileSource, type WavFileSourceOptions } from './audio/wavFileSource.js';
export { createPushSource, type PushSource, type PushSourceOptions } from './audio/pushSource.js';
export { createResampler, resampleAll, type Resampler, type ResamplerOptions } from './audio/resampler.js';
export { decodeWav, mixToMono, type DecodedWav } from './audio/decodeWav.js';
export { readAudioFile, type EngineAudio } from './audio/readAudioFile.js';
export { createPcm16Decoder, type Pcm16Decoder } from './audio/pcm16Decoder.js';
export { createFrameSplitter, type FrameSplitter } from './audio/frameSplitter.js';
export { createListenerSet, type ListenerSet } from './audio/listenerSet.js';

// ── input: voice activity, recognition, keywords ──────────────────────────────────────────────────────────
export {
  createVoiceActivityDetector,
  type SpeechEnded,
  type SpeechStarted,
  type VoiceActivity,
  type VoiceActivityDetector,
  type VoiceActivityDetectorOptions,
  type VoiceSegment,
} from './vad/voiceActivityDetector.js';
export { ENDPOINT_PROFILES, endpointReached, type EndpointProfileName, type EndpointRule, type EndpointRules } from './asr/endpointRules.js';
export {
  pinyinOfText,
  recognizedText,
  stripTones,
  syllablesFromPinyinTokens,
  textFromCharacters,
  textFromPinyinTokens,
  type RecognizedText,
  type RecognizerOutput,
} from './asr/recognizedText.js';
export type { RecognizerModel } from './asr/recognizerModel.js';
export { createStreamingRecognizer, type AsrEvent, type StreamingRecognizer, type StreamingRecognizerOptions } from './asr/streamingRecognizer.js';
export { createSpeechInput, type SpeechInput, type SpeechInputOptions } from './asr/speechInput.js';
export { keywordLine, keywordLines, readTokens, splitSyllable, tonedSyllables, type KeywordSpec } from './kws/keywordLines.js';
export { KIOSK_KEYWORDS } from './kws/kioskKeywords.js';
export { createKeywordSpotter, type KeywordEvent, type KeywordSpotter, type KeywordSpotterModel, type KeywordSpotterOptions } from './kws/keywordSpotter.js';

// ── input: models and offline transcription ───────────────────────────────────────────────────────────────
export { checkModels, type CheckModelsOptions, type ModelFileState, type ModelFileStatus, type ModelState, type ModelStatus } from './models/checkModels.js';
export { modelFilePath, selectModel, type ModelSelection, type SelectModelOptions } from './models/selectModel.js';
export {
  selectKeywordSpotterModel,
  selectRecognizer,
  selectVadModel,
  type KeywordSpotterSelection,
  type RecognizerSelection,
  type VadSelection,
} from './models/selectRecognizer.js';
export { resolveSpeechModels, type ResolveSpeechModelsOptions, type SpeechModels } from './models/resolveSpeechModels.js';
export { transcribe, type TranscribeOptions, type TranscribedSegment, type Transcription } from './transcribe/transcribe.js';
export { pinyinTokens, tokenErrorRate } from './transcribe/tokenErrorRate.js';

// ── output: TTS, playback, turn-taking (speech output helper) ─────────────────────────────────────────────
export type { SpeechSynthesizer, SynthesisOptions } from './tts/speechSynthesizer.js';
export { SpeechSynthesisError, isSpeechSynthesisError, type SpeechSynthesisFailure } from './tts/speechSynthesisError.js';
export { createEspeakSynthesizer, espeakCommandLine, DEFAULT_ESPEAK_SETTINGS, type EspeakSettings } from './tts/espeakSynthesizer.js';
export { loadSherpaOnnxSynthesizer, type SherpaSynthesizerOptions } from './tts/sherpaOnnxSynthesizer.js';
export { sherpaTtsConfigFor, sherpaVoiceEntrySchema, type SherpaTtsConfig, type SherpaVoiceEntry, type SherpaVoiceEntryInput } from './tts/sherpaVoiceEntry.js';
export { selectTtsVoice, type TtsVoiceSelection } from './tts/selectTtsVoice.js';
export { chooseSpeechSynthesizer, type SpeechSynthesizerChoice } from './tts/chooseSpeechSynthesizer.js';
export { readNumbersInChinese, integerToChinese, digitsToChinese } from './tts/readNumbersInChinese.js';
export { toNumberedPinyin } from './tts/numberedPinyin.js';
export { synthesizeSentenceBySentence, type SentenceSynthesisOptions, type SynthesizedSentence } from './tts/synthesizeSentenceBySentence.js';
export { pcmDurationMs, rootMeanSquare, type PcmAudio } from './playback/pcmAudio.js';
export {
  SPEAKER_FAULT_MESSAGE,
  speakerFault,
  speakerRestored,
  type AudioSink,
  type PlaybackOutcome,
  type PlayOptions,
  type SpeakerFault,
  type SpeakerRestored,
  type SpeakerStatusEvent,
} from './playback/audioSink.js';
export { PacedPlayback, type PacingOptions, type PlaybackOutput } from './playback/pacedPlayback.js';
export { createSpawnAudioSink, type SpawnAudioSinkOptions } from './playback/spawnAudioSink.js';
export { createMemoryAudioSink, type MemoryAudioSink, type PlayedChunk, type StopRecord } from './playback/memoryAudioSink.js';
export { aplayCommand, paplayCommand, type PlayerCommand } from './playback/playerCommand.js';
export { float32ToS16le } from './playback/float32ToS16le.js';
export { createRobotVoice, type RobotVoice, type RobotVoiceEvent, type RobotVoiceOptions, type SayOptions } from './turnTaking/robotVoice.js';
export { createBargeInDetector, DEFAULT_BARGE_IN_SETTINGS, type BargeInDecision, type BargeInDetector, type BargeInSettings } from './turnTaking/bargeInDetector.js';
export { createBargeInMonitor, type BargeInMonitor, type BargeInMonitorOptions } from './turnTaking/bargeInMonitor.js';

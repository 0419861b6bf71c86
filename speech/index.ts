// speech/: local Mandarin speech for the kiosk. Device library: imports nothing from app/ or other device folders.
export type { SpeechEvent } from './speechEvents.js';

// ── input: audio sources ───────────────────────────────────────────────────────────────────────────────────
export type { AudioSource } from './audio/audioSource.js';
export { createMicrophoneSource } from './audio/microphoneSource.js';
export { createPushSource, type PushSource } from './audio/pushSource.js';
export { resampleAll } from './audio/resampler.js';

// ── input: voice activity, recognition, keywords ──────────────────────────────────────────────────────────
export { createVoiceActivityDetector } from './vad/voiceActivityDetector.js';
export type { EndpointProfileName } from './asr/endpointRules.js';
export { createStreamingRecognizer } from './asr/streamingRecognizer.js';
export { createSpeechInput } from './asr/speechInput.js';
export { createKeywordSpotter } from './kws/keywordSpotter.js';

// ── input: models and offline transcription ───────────────────────────────────────────────────────────────
export { resolveSpeechModels } from './models/resolveSpeechModels.js';
export { transcribe } from './transcribe/transcribe.js';

// ── output: TTS, playback, turn-taking (speech output helper) ─────────────────────────────────────────────
export { createEspeakSynthesizer } from './tts/espeakSynthesizer.js';
export { selectTtsVoice } from './tts/selectTtsVoice.js';
export { chooseSpeechSynthesizer } from './tts/chooseSpeechSynthesizer.js';
export type { PcmAudio } from './playback/pcmAudio.js';
export type { AudioSink } from './playback/audioSink.js';
export { createSpawnAudioSink } from './playback/spawnAudioSink.js';
export { createMemoryAudioSink } from './playback/memoryAudioSink.js';
export { createRobotVoice, type RobotVoice } from './turnTaking/robotVoice.js';
export { createBargeInMonitor } from './turnTaking/bargeInMonitor.js';

import type { Logger } from 'pino';
import {
  chooseSpeechSynthesizer,
  createBargeInMonitor,
  createKeywordSpotter,
  createMicrophoneSource,
  createRobotVoice,
  createSpawnAudioSink,
  createSpeechInput,
  createStreamingRecognizer,
  createVoiceActivityDetector,
  resolveSpeechModels,
  selectTtsVoice,
  type AudioSink,
  type AudioSource,
  type EndpointProfileName,
  type RobotVoice,
  type SpeechEvent,
} from '../../../speech/index.js';
import type { KioskConfig } from '../config/kioskConfigSchema.js';
import { toTonelessPinyin } from '../nlu/toPinyin.js';
import type { SessionEvent } from '../session/sessionEvents.js';

/** The kiosk's mouth as the session machine's speech actor uses it. */
export interface KioskVoice {
  /** Says a line, replacing whatever is being said, and listens with `listen` patience for the answer. */
  say(text: string, listen: EndpointProfileName): void;
  /** Called when a line has been said to its end (not when it was interrupted or replaced). */
  onSpeechEnded(listener: () => void): () => void;
  close(): Promise<void>;
}

export interface KioskVoiceOptions {
  speech: KioskConfig['speech'];
  /** `speech.modelDirs`, resolved to absolute paths. */
  modelDirs: string[];
  log: Logger;
  /** Where voice and audio-device events go: the session machine. */
  send: (event: SessionEvent) => void;
  /** Replaces the microphone (tests stream a WAV file in real time). */
  source?: AudioSource;
  /** Replaces the speaker (tests record what was played). */
  sink?: AudioSink;
}

/**
 * The kiosk's ears and mouth, a device adapter: microphone → VAD → streaming recognizer and keyword spotter →
 * session events; lines from the session's speech actor → TTS → speaker, with barge-in. Audio faults become
 * `microphone.*` / `speaker.*` events; what the citizen is told about them is the machine's business.
 * While the robot talks, what the microphone hears is its own voice unless the barge-in detector says a citizen
 * is talking over it, so recognizer output is dropped until then.
 */
async function startKioskVoice(options: KioskVoiceOptions): Promise<KioskVoice | null> {
  const { speech, log, send } = options;
  if (!speech.enabled) {
    send({ type: 'microphone.fault', reason: 'disabled' });
    return null;
  }

  const models = await resolveSpeechModels({ modelDir: options.modelDirs });
  for (const status of models.statuses) log.info({ model: status.id, state: status.state }, 'speech model');

  // Output first: the robot can speak even when it cannot listen.
  const voiceChoice = selectTtsVoice(models.manifest, models.statuses);
  const { synthesizer, voiceProblem } = await chooseSpeechSynthesizer(voiceChoice.voice ? { voice: voiceChoice.voice } : {});
  if (voiceProblem) log.warn({ problem: voiceProblem }, 'TTS voice unavailable, using espeak-ng');
  const sink = options.sink ?? createSpawnAudioSink();
  const ended = new Set<() => void>();
  let bargedIn = false;
  // An utterance that began while the robot was talking (and did not barge in) is the robot's own voice coming
  // back through the microphone; its transcript is dropped even if it ends after the robot has finished.
  let echoUtterance = false;
  // The recognizer also transcribes a keyword the spotter caught ("fan hui"): that transcript is not a question.
  let keywordSyllables: string[] | null = null;
  let setListening: (profile: EndpointProfileName) => void = () => undefined;

  const onSpeechEvent = (event: SpeechEvent) => {
    switch (event.type) {
      case 'tts.started':
        bargedIn = false;
        return;
      case 'tts.finished':
        if (!event.interrupted) for (const listener of ended) listener();
        return;
      case 'speech.bargeIn':
        bargedIn = true;
        echoUtterance = false;
        log.info('barge-in: the citizen talked over the robot');
        send({ type: 'voice.speechStarted' });
        return;
      case 'speech.started':
        echoUtterance = !heardCitizen();
        if (!echoUtterance) send({ type: 'voice.speechStarted' });
        return;
      case 'asr.partial':
        if (heardCitizen() && !echoUtterance && event.text) send({ type: 'voice.partial', text: event.text });
        return;
      case 'asr.final': {
        const onlyKeyword = keywordSyllables !== null && isOnlyKeyword(event.pinyin, keywordSyllables);
        keywordSyllables = null;
        if (!event.text.trim() || onlyKeyword) return;
        if (heardCitizen() && !echoUtterance) send({ type: 'voice.final', text: event.text.trim(), pinyin: event.pinyin });
        else log.debug('dropped a transcript heard while the robot was speaking (its own voice)');
        return;
      }
      case 'kws.keyword':
        keywordSyllables = toTonelessPinyin(event.phrase).split(' ');
        onKeyword(event.keyword);
        return;
      case 'audio.fault':
        log.warn({ device: event.device, reason: event.reason }, 'audio device fault');
        send(event.device === 'microphone' ? { type: 'microphone.fault', reason: 'device' } : { type: 'speaker.fault' });
        return;
      case 'audio.restored':
        send(event.device === 'microphone' ? { type: 'microphone.ready' } : { type: 'speaker.ready' });
        return;
      default:
        return;
    }
  };
  const heardCitizen = () => !robotVoice.isSpeaking() || bargedIn;
  const onKeyword = (id: string) => {
    if (id === 'wake') send({ type: 'voice.wake' });
    // 停 is an ordinary syllable inside sentences: act on it only while the robot is talking.
    else if (id === 'stop' && robotVoice.isSpeaking()) void robotVoice.stop();
    else if (id === 'back' || id === 'staff') send({ type: 'voice.command', command: id });
  };

  const robotVoice: RobotVoice = createRobotVoice({ synthesizer, sink, rate: synthesizer.rateForSpeed(speech.rate), onEvent: onSpeechEvent });
  let stopInput = async () => undefined as void;

  const vadPath = models.vad.modelPath;
  const recognizerModel = models.recognizer.model;
  if (!vadPath || !recognizerModel) {
    log.warn({ vad: models.vad.reason, recognizer: models.recognizer.reason }, 'voice input off');
    send({ type: 'microphone.fault', reason: 'no-recognizer' });
  } else {
    const source =
      options.source ??
      createMicrophoneSource({ recorder: { program: speech.recorder.command, args: speech.recorder.args, sampleRate: 16_000, channels: 1 } });
    const vad = createVoiceActivityDetector({ modelPath: vadPath });
    const recognizer = createStreamingRecognizer({ model: recognizerModel });
    const keywordModel = models.keywordSpotter.model;
    const keywordSpotter = keywordModel
      ? createKeywordSpotter({
          model: keywordModel,
          keywords: Object.entries(speech.keywords).flatMap(([id, phrases]) => phrases.map((phrase) => ({ id, phrase }))),
        })
      : undefined;
    const input = createSpeechInput({ source, vad, recognizer, ...(keywordSpotter ? { keywordSpotter } : {}) });
    const bargeIn = createBargeInMonitor({ voice: robotVoice, sink, vad: input.vad, feedVad: false, onEvent: onSpeechEvent });
    input.subscribe(onSpeechEvent);
    // After the pipeline has fed each frame to the shared VAD, the barge-in monitor reads its verdict.
    const unsubscribeFrames = source.subscribe((event) => {
      if (event.type === 'audio.frame') bargeIn.accept(event.frame);
    });
    input.start();
    setListening = (profile) => input.setEndpointProfile(profile);
    stopInput = async () => {
      unsubscribeFrames();
      await input.stop();
    };
    log.info({ recognizer: models.recognizer.reason, keywords: Boolean(keywordSpotter) }, 'voice input on');
    send({ type: 'microphone.ready' });
  }

  return {
    say(text, listen) {
      setListening(listen);
      void robotVoice.say(text, { whenBusy: 'replace' });
    },
    onSpeechEnded(listener) {
      ended.add(listener);
      return () => ended.delete(listener);
    },
    async close() {
      ended.clear();
      await stopInput();
      await robotVoice.close();
      await sink.close();
    },
  };
}

/**
 * The voice the runtime asked for: none (`false`, tests and touch-only kiosks), or started from configuration.
 * A voice that fails to start leaves the kiosk running by touch, and the session is told why it cannot hear.
 */
export async function openKioskVoice(wanted: false | Omit<KioskVoiceOptions, 'send' | 'log'>, send: KioskVoiceOptions['send'], log: Logger): Promise<KioskVoice | null> {
  if (wanted === false) {
    send({ type: 'microphone.fault', reason: 'disabled' });
    return null;
  }
  return startKioskVoice({ ...wanted, send, log }).catch((error: unknown) => {
    log.error({ err: error }, 'voice failed to start; the kiosk runs by touch');
    send({ type: 'microphone.fault', reason: 'failed' });
    return null;
  });
}

/** True when a transcript says little beyond the keyword: "ni hao xiao qing" alone, not "ni hao xiao qing shi ye jin …". */
export function isOnlyKeyword(pinyin: string, keyword: string[]): boolean {
  const heard = pinyin.split(' ').filter(Boolean);
  const rest = heard.filter((syllable) => !keyword.includes(syllable));
  return rest.length < 2;
}

import type { AudioFrame } from '../audio/audioFrame.js';
import type { AudioSource, AudioSourceEvent } from '../audio/audioSource.js';
import { createListenerSet } from '../audio/listenerSet.js';
import type { KeywordSpotter } from '../kws/keywordSpotter.js';
import type { SpeechEvent } from '../speechEvents.js';
import type { VoiceActivity, VoiceActivityDetector } from '../vad/voiceActivityDetector.js';
import type { EndpointProfileName } from './endpointRules.js';
import type { StreamingRecognizer } from './streamingRecognizer.js';

export interface SpeechInputOptions {
  source: AudioSource;
  vad: VoiceActivityDetector;
  /** Absent when no recognizer model is usable: VAD and keywords still work. */
  recognizer?: StreamingRecognizer;
  keywordSpotter?: KeywordSpotter;
  /**
   * Feed the recognizer only from a speech onset (with the VAD's pre-roll) until its endpoint (default), rather
   * than all the time: it saves CPU and keeps hall noise from turning into stray partial results.
   */
  gateRecognizerWithVad?: boolean;
}

export interface SpeechInput {
  start(): void;
  stop(): Promise<void>;
  /** Every speech event: VAD, ASR, keywords, and the source's faults. Returns the unsubscribe function. */
  subscribe(listener: (event: SpeechEvent) => void): () => void;
  /**
   * Applies at once, also to an utterance under way: the app may switch to 'number' when the screen asks for an
   * ID number, or when the partial results show the citizen has started reading digits.
   */
  setEndpointProfile(profile: EndpointProfileName): void;
  /** Raised VAD settings while the robot speaks (barge-in); see VoiceActivityDetector.setWhileSpeaking. */
  setWhileSpeaking(robotSpeaking: boolean): void;
  readonly vad: VoiceActivityDetector;
  readonly recognizer: StreamingRecognizer | undefined;
}

/**
 * The input side put together: audio source → keyword spotter (always listening) and VAD → streaming recognizer.
 * Events come out in the order they happen within each frame: VAD, then recognizer, then keywords.
 */
export function createSpeechInput(options: SpeechInputOptions): SpeechInput {
  const { source, vad, recognizer, keywordSpotter } = options;
  const gated = options.gateRecognizerWithVad ?? true;
  const listeners = createListenerSet<SpeechEvent>();
  let recognizing = !gated;
  let unsubscribe: (() => void) | undefined;

  const emitAll = (events: readonly SpeechEvent[]) => events.forEach((e) => listeners.emit(e));
  const emitActivities = (activities: readonly VoiceActivity[]) => activities.forEach((a) => listeners.emit(a.event));

  function onFrame(frame: AudioFrame): void {
    const activities = vad.accept(frame);
    emitActivities(activities);
    if (recognizer) {
      let fed = false;
      const started = activities.find((a) => a.kind === 'started');
      if (started && !recognizing) {
        recognizing = true;
        // The lead-in already ends with this frame.
        emitAll(recognizer.accept(started.leadIn));
        fed = true;
      }
      if (recognizing && !fed) emitAll(recognizer.accept(frame));
      // After an endpoint: keep going while the citizen is still talking, else wait for the next onset.
      if (!recognizer.inUtterance && gated && !vad.inSpeech) recognizing = false;
    }
    if (keywordSpotter) emitAll(keywordSpotter.accept(frame));
  }

  function onSourceEvent(event: AudioSourceEvent): void {
    switch (event.type) {
      case 'audio.frame':
        onFrame(event.frame);
        return;
      case 'audio.ended':
        // The stream is over: close what is open and say what was heard.
        emitActivities(vad.flush());
        if (recognizer) emitAll(recognizer.finish());
        recognizing = !gated;
        return;
      case 'audio.fault':
        listeners.emit(event);
        // A broken stream's half utterance is not trusted: close the speech, drop the words.
        emitActivities(vad.flush());
        vad.reset();
        recognizer?.reset();
        keywordSpotter?.reset();
        recognizing = !gated;
        return;
      case 'audio.restored':
        listeners.emit(event);
        return;
    }
  }

  return {
    vad,
    recognizer,
    subscribe: listeners.subscribe,
    start() {
      if (unsubscribe) return;
      unsubscribe = source.subscribe(onSourceEvent);
      source.start();
    },
    async stop() {
      await source.stop();
      unsubscribe?.();
      unsubscribe = undefined;
    },
    setEndpointProfile(profile) {
      recognizer?.setEndpointProfile(profile);
    },
    setWhileSpeaking(robotSpeaking) {
      vad.setWhileSpeaking(robotSpeaking);
    },
  };
}

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../config/repoRoot.js';
import { syllableFeatures, trainNaiveBayes, type NaiveBayesModel } from './naiveBayes.js';
import { ROUTING_CUES } from './routingCues.js';
import { SERVICE_NAMES, SERVICES, type ServiceName } from './serviceCatalogue.js';
import { utteranceSyllables } from './utteranceSyllables.js';

/** The labelled development set the statistical part of the router learns from (never the held-out set). */
const TRAINING_SET = path.join(repoRoot, 'data', 'nlu', 'dev.jsonl');

let model: NaiveBayesModel | null = null;

export interface LabelledUtterance {
  utterance: string;
  service: ServiceName;
}

/** The development set's labelled utterances. */
export function developmentSet(): LabelledUtterance[] {
  if (!existsSync(TRAINING_SET)) return [];
  return readFileSync(TRAINING_SET, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledUtterance)
    .filter((item) => item.service in SERVICES);
}

/** A model trained on the cue phrases and the given labelled utterances. */
export function trainRouterModel(labelled: readonly LabelledUtterance[]): NaiveBayesModel {
  const examples: { features: string[]; label: string }[] = [];
  for (const service of SERVICE_NAMES) for (const cue of ROUTING_CUES[service]) examples.push({ features: syllableFeatures(utteranceSyllables(cue)), label: service });
  for (const { utterance, service } of labelled) examples.push({ features: syllableFeatures(utteranceSyllables(utterance)), label: service });
  return trainNaiveBayes(examples);
}

/**
 * The router's statistical backoff, trained once per process (a few milliseconds) on the development set and on
 * the cue phrases themselves, so every service is known even where the set is thin.
 */
export function routerModel(): NaiveBayesModel {
  model ??= trainRouterModel(developmentSet());
  return model;
}

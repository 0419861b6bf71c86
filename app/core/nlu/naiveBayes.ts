/**
 * A multinomial naive Bayes classifier over syllable unigrams and bigrams, with add-one smoothing: small, fast and
 * honest about what it learned from a few hundred labelled utterances.
 */
export interface NaiveBayesModel {
  labels: string[];
  logPrior: Map<string, number>;
  counts: Map<string, Map<string, number>>;
  totals: Map<string, number>;
  vocabulary: Set<string>;
}

export function syllableFeatures(syllables: readonly string[]): string[] {
  const features = [...syllables];
  for (let i = 0; i + 1 < syllables.length; i++) features.push(`${syllables[i]}_${syllables[i + 1]}`);
  return features;
}

export function trainNaiveBayes(examples: readonly { features: string[]; label: string }[]): NaiveBayesModel {
  const counts = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  const perLabel = new Map<string, number>();
  const vocabulary = new Set<string>();
  for (const { features, label } of examples) {
    perLabel.set(label, (perLabel.get(label) ?? 0) + 1);
    const bag = counts.get(label) ?? new Map<string, number>();
    counts.set(label, bag);
    for (const f of features) {
      bag.set(f, (bag.get(f) ?? 0) + 1);
      totals.set(label, (totals.get(label) ?? 0) + 1);
      vocabulary.add(f);
    }
  }
  const labels = [...perLabel.keys()];
  const logPrior = new Map(labels.map((l) => [l, Math.log(perLabel.get(l)! / examples.length)]));
  return { labels, logPrior, counts, totals, vocabulary };
}

/** Each label's posterior probability for these features, highest first. */
export function classifyNaiveBayes(model: NaiveBayesModel, features: readonly string[]): { label: string; probability: number }[] {
  const v = model.vocabulary.size;
  const known = features.filter((f) => model.vocabulary.has(f));
  const logs = model.labels.map((label) => {
    const bag = model.counts.get(label)!;
    const total = model.totals.get(label) ?? 0;
    let lp = model.logPrior.get(label)!;
    for (const f of known) lp += Math.log(((bag.get(f) ?? 0) + 1) / (total + v));
    return { label, lp };
  });
  const max = Math.max(...logs.map((l) => l.lp));
  const sum = logs.reduce((s, l) => s + Math.exp(l.lp - max), 0);
  return logs.map((l) => ({ label: l.label, probability: Math.exp(l.lp - max) / sum })).sort((a, b) => b.probability - a.probability);
}

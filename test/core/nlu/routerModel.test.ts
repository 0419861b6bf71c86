import { describe, expect, it } from 'vitest';
import { classifyNaiveBayes, syllableFeatures, trainNaiveBayes } from '../../../app/core/nlu/naiveBayes.js';
import { createRouter } from '../../../app/core/nlu/routeUtterance.js';
import { developmentSet, trainRouterModel } from '../../../app/core/nlu/routerModel.js';

describe('the router’s statistical backoff', () => {
  it('naive Bayes prefers the label whose words it saw, and its posteriors sum to one', () => {
    const model = trainNaiveBayes([
      { features: syllableFeatures(['gua', 'si']), label: 'loss' },
      { features: syllableFeatures(['ka', 'diu', 'le']), label: 'loss' },
      { features: syllableFeatures(['ya', 'nao', 'jin']), label: 'pension' },
    ]);
    const ranked = classifyNaiveBayes(model, syllableFeatures(['ka', 'diu']));
    expect(ranked[0]!.label).toBe('loss');
    expect(ranked.reduce((s, r) => s + r.probability, 0)).toBeCloseTo(1, 9);
  });

  // The development set is the tuning set: guarding its cross-validated accuracy is fair. The held-out set gates nothing.
  it('routes the development set well when each fold is routed by a model that never saw it (5-fold)', () => {
    const dev = developmentSet();
    expect(dev.length).toBeGreaterThanOrEqual(300);
    let hits = 0;
    for (let k = 0; k < 5; k++) {
      const route = createRouter({ model: trainRouterModel(dev.filter((_, i) => i % 5 !== k)) });
      for (const item of dev.filter((_, i) => i % 5 === k)) hits += route(item.utterance).service === item.service ? 1 : 0;
    }
    expect(hits / dev.length).toBeGreaterThan(0.75);
  });
});

import { describe, expect, it } from 'vitest';
import { routeUtterance, type Route } from '../../../app/core/nlu/routeUtterance.js';
import { SERVICES } from '../../../app/core/nlu/serviceCatalogue.js';
import { flush, phase, scriptedIdentityCheck, startSession } from './sessionHarness.js';

// The LLM resolves only what the local router is unsure of, and only picks the service: what that service needs
// (a verified face) is the machine's. The local router's own confidences decide which lines are unsure here.
const unsure = '嗯那个卡';
const sure = '我想找工作人员';
// Between the two lines' confidences, so the test follows the router as it is retrained.
const below = (routeUtterance(unsure).confidence + routeUtterance(sure).confidence) / 2;
const pick = (service: Route['service']) => async ({ local }: { local: Route }): Promise<Route> => ({ ...local, service, intent: SERVICES[service].intent, confidence: 0.5 });
const record = { title: '社保卡状态', spoken: '您的社保卡状态正常。', screen: '状态：正常', empty: false };

describe('lines the local router is unsure of go to the LLM, which can never skip identity', () => {
  it('the premise: one line is unsure, the other sure, at the threshold used here', () => {
    expect(routeUtterance(unsure).confidence).toBeLessThan(routeUtterance(sure).confidence);
    expect(routeUtterance(sure).service).toBe('handoff_to_staff');
  });

  it('an unsure line waits for the LLM; its pick of a personal query still starts the identity check', async () => {
    const { actor, resolved, queried } = startSession({ llmRouteBelow: below, identityCheck: scriptedIdentityCheck(false), personalQuery: async () => record, resolveRoute: pick('query_card_status') });
    actor.send({ type: 'citizen.touch' });
    actor.send({ type: 'citizen.text', text: unsure });
    expect(actor.getSnapshot().value).toBe('resolvingRoute');
    expect(actor.getSnapshot().context.partialTranscript).toBe(unsure);
    await flush();
    expect(resolved.map((r) => r.text)).toEqual([unsure]);
    expect(actor.getSnapshot().value).toEqual({ personalQuery: 'checkingIdentity' });
    // The citizen's line is noted once, when routed.
    expect(actor.getSnapshot().context.subtitles.filter((s) => s.who === 'citizen').map((s) => s.text)).toEqual([unsure]);
    actor.send({ type: 'auth.idNumber', idNumber: '370202199001011237' });
    await flush();
    expect(queried).toEqual([]);
  });

  it('a sure line is routed at once, without the LLM', async () => {
    const { actor, resolved } = startSession({ llmRouteBelow: below });
    actor.send({ type: 'citizen.touch' });
    actor.send({ type: 'citizen.text', text: sure });
    expect(actor.getSnapshot().value).toBe('callingStaff');
    expect(resolved).toEqual([]);
  });

  it('an LLM that fails leaves the local route', async () => {
    const local = routeUtterance(unsure);
    const { actor, queried } = startSession({ llmRouteBelow: below, identityCheck: scriptedIdentityCheck(true), personalQuery: async () => record, resolveRoute: async () => Promise.reject(new Error('down')) });
    actor.send({ type: 'citizen.touch' });
    actor.send({ type: 'citizen.text', text: unsure });
    await flush();
    if (SERVICES[local.service].kind === 'query') {
      expect(actor.getSnapshot().value).toEqual({ personalQuery: 'checkingIdentity' });
      actor.send({ type: 'auth.idNumber', idNumber: '370202199001011237' });
      await flush();
      expect(queried.map((q) => q.service)).toEqual([local.service]);
    } else expect(phase(actor.getSnapshot())).not.toBe('thinking');
  });

  it('without an LLM configured nothing waits for one', () => {
    const { actor, resolved } = startSession({ identityCheck: scriptedIdentityCheck(true) });
    actor.send({ type: 'citizen.touch' });
    actor.send({ type: 'citizen.text', text: unsure });
    expect(actor.getSnapshot().value).not.toBe('resolvingRoute');
    expect(resolved).toEqual([]);
  });

  it('a new line while the LLM thinks replaces the old one', async () => {
    const { actor, resolved } = startSession({ llmRouteBelow: below, resolveRoute: () => new Promise(() => undefined) });
    actor.send({ type: 'citizen.touch' });
    actor.send({ type: 'citizen.text', text: unsure });
    actor.send({ type: 'citizen.text', text: sure });
    expect(actor.getSnapshot().value).toBe('callingStaff');
    expect(resolved).toHaveLength(1);
  });
});

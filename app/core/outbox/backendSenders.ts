import type { BackendClient } from '../backend/backendClient.js';
import { BackendError } from '../backend/backendError.js';
import type { ContactChangeDetails, FlexibleEmploymentDetails, PensionAuthSubmission } from '../backend/backendTypes.js';
import type { CardReplacementDetails, EmploymentCertificateApplication } from '../backend/cardAndCertificateTypes.js';
import type { UnemploymentBenefitApplicationDetails, UnemploymentRegistrationDetails } from '../backend/unemploymentTypes.js';
import type { SkillSubsidyApplicationDetails } from '../backend/skillSubsidyTypes.js';
import type { OutboxSender, SendOutcome } from './transactionOutbox.js';

/**
 * A business-system write as a send: its answer delivered with the reference number, a refusal (4xx: the system
 * said no, a retry would say no again) rejected with its code, anything transient (timeout, unreachable, 5xx)
 * thrown so the entry waits and is sent again with the same key.
 */
export async function sendWrite<T>(write: () => Promise<T>, referenceOf: (answer: T) => string): Promise<SendOutcome> {
  try {
    const answer = await write();
    return { outcome: 'delivered', reference: referenceOf(answer), answer };
  } catch (error) {
    if (error instanceof BackendError && !error.retryable) return { outcome: 'rejected', reason: error.code ?? error.kind };
    throw error;
  }
}

/** 养老认证 results. */
export function pensionAuthSender(backend: Pick<BackendClient, 'submitPensionAuth'>): OutboxSender<PensionAuthSubmission> {
  return (submission, idempotencyKey, citizenId) =>
    sendWrite(() => backend.submitPensionAuth(citizenId, { ...submission, idempotencyKey }), (receipt) => receipt.submissionId);
}

/** 社保卡挂失 (the payload is empty: who and when is all there is). */
export function cardLossSender(backend: Pick<BackendClient, 'reportCardLoss'>): OutboxSender<Record<string, never>> {
  return (_payload, idempotencyKey, citizenId) => sendWrite(() => backend.reportCardLoss(citizenId, { idempotencyKey }), (result) => result.reportId);
}

/** 社保卡解挂 (the payload is empty, like the loss report). */
export function cardLossCancellationSender(backend: Pick<BackendClient, 'cancelCardLoss'>): OutboxSender<Record<string, never>> {
  return (_payload, idempotencyKey, citizenId) => sendWrite(() => backend.cancelCardLoss(citizenId, { idempotencyKey }), (result) => result.cancellationId);
}

/** 联系方式变更 (the new mobile number; sealed in the outbox like every payload). */
export function contactChangeSender(backend: Pick<BackendClient, 'changeContact'>): OutboxSender<ContactChangeDetails> {
  return (change, idempotencyKey, citizenId) => sendWrite(() => backend.changeContact(citizenId, { ...change, idempotencyKey }), (result) => result.changeId);
}

/** 灵活就业登记. */
export function flexibleEmploymentSender(backend: Pick<BackendClient, 'registerFlexibleEmployment'>): OutboxSender<FlexibleEmploymentDetails> {
  return (details, idempotencyKey, citizenId) =>
    sendWrite(() => backend.registerFlexibleEmployment(citizenId, { ...details, idempotencyKey }), (registration) => registration.registrationId);
}

/** 补换社保卡 (the reason, and the hall or the mailing address). */
export function cardReplacementSender(backend: Pick<BackendClient, 'replaceCard'>): OutboxSender<CardReplacementDetails> {
  return (details, idempotencyKey, citizenId) => sendWrite(() => backend.replaceCard(citizenId, { ...details, idempotencyKey }), (result) => result.applicationId);
}

/** 就业创业证申领. */
export function employmentCertificateSender(backend: Pick<BackendClient, 'applyForEmploymentCertificate'>): OutboxSender<EmploymentCertificateApplication> {
  return (application, idempotencyKey, citizenId) =>
    sendWrite(() => backend.applyForEmploymentCertificate(citizenId, { ...application, idempotencyKey }), (issued) => issued.applicationId);
}

/** 失业登记 (when the job ended, why, the services wanted). */
export function unemploymentRegistrationSender(backend: Pick<BackendClient, 'registerUnemployment'>): OutboxSender<UnemploymentRegistrationDetails> {
  return (details, idempotencyKey, citizenId) =>
    sendWrite(() => backend.registerUnemployment(citizenId, { ...details, idempotencyKey }), (registration) => registration.registrationId);
}

/** 失业保险金申领 (the card's financial account, confirmed). */
export function unemploymentBenefitSender(backend: Pick<BackendClient, 'applyForUnemploymentBenefit'>): OutboxSender<UnemploymentBenefitApplicationDetails> {
  return (details, idempotencyKey, citizenId) =>
    sendWrite(() => backend.applyForUnemploymentBenefit(citizenId, { ...details, idempotencyKey }), (application) => application.applicationId);
}

/** 技能提升补贴申领 (the certificate number). */
export function skillSubsidySender(backend: Pick<BackendClient, 'applySkillSubsidy'>): OutboxSender<SkillSubsidyApplicationDetails> {
  return (application, idempotencyKey, citizenId) =>
    sendWrite(() => backend.applySkillSubsidy(citizenId, { ...application, idempotencyKey }), (result) => result.applicationId);
}

/** The kinds the kiosk knows, each with its sender. */
export const transactionKinds = {
  pensionAuth: 'pension-auth',
  cardLoss: 'card-loss',
  cardLossCancellation: 'card-loss-cancellation',
  contactChange: 'contact-change',
  flexibleEmployment: 'flexible-employment',
  unemploymentRegistration: 'unemployment-registration',
  unemploymentBenefit: 'unemployment-benefit',
  cardReplacement: 'card-replacement',
  employmentCertificate: 'employment-certificate',
  skillSubsidy: 'skill-subsidy',
} as const;

export function registerBackendSenders(outbox: { register<P>(kind: string, sender: OutboxSender<P>): void }, backend: BackendClient): void {
  outbox.register(transactionKinds.pensionAuth, pensionAuthSender(backend));
  outbox.register(transactionKinds.cardLoss, cardLossSender(backend));
  outbox.register(transactionKinds.flexibleEmployment, flexibleEmploymentSender(backend));
  outbox.register(transactionKinds.cardLossCancellation, cardLossCancellationSender(backend));
  outbox.register(transactionKinds.contactChange, contactChangeSender(backend));
  outbox.register(transactionKinds.unemploymentRegistration, unemploymentRegistrationSender(backend));
  outbox.register(transactionKinds.unemploymentBenefit, unemploymentBenefitSender(backend));
  outbox.register(transactionKinds.cardReplacement, cardReplacementSender(backend));
  outbox.register(transactionKinds.employmentCertificate, employmentCertificateSender(backend));
  outbox.register(transactionKinds.skillSubsidy, skillSubsidySender(backend));
}

/** Every endpoint the simulator serves, in one table. */
import { backendPaths } from '../backendPaths.js';
import * as cardAndCertificate from './cardAndCertificateApplications.js';
import * as queries from './citizenQueries.js';
import * as submissions from './citizenSubmissions.js';
import * as insurance from './insuranceQueries.js';
import * as progress from './progressQueries.js';
import * as photos from './referencePhotos.js';
import * as skillSubsidy from './skillSubsidySubmissions.js';
import * as unemployment from './unemploymentSubmissions.js';
import { matchPattern, type Route } from './route.js';

export const simulatorRoutes: readonly Route[] = [
  { method: 'GET', pattern: backendPaths.health, handler: queries.health, idempotent: false },
  { method: 'POST', pattern: backendPaths.lookupCitizen, handler: queries.lookupCitizen, idempotent: false },
  { method: 'GET', pattern: backendPaths.contributions, handler: queries.contributions, idempotent: false },
  { method: 'GET', pattern: backendPaths.contributionBase, handler: queries.contributionBase, idempotent: false },
  { method: 'GET', pattern: backendPaths.pensionPayments, handler: queries.pensionPayments, idempotent: false },
  { method: 'GET', pattern: backendPaths.card, handler: queries.card, idempotent: false },
  { method: 'POST', pattern: backendPaths.cardLossReport, handler: submissions.reportCardLoss, idempotent: true },
  { method: 'POST', pattern: backendPaths.cardLossCancellation, handler: submissions.cancelCardLoss, idempotent: true },
  { method: 'POST', pattern: backendPaths.contactChange, handler: submissions.changeContact, idempotent: true },
  { method: 'POST', pattern: backendPaths.flexibleEmployment, handler: submissions.registerFlexibleEmployment, idempotent: true },
  { method: 'POST', pattern: backendPaths.cardReplacement, handler: cardAndCertificate.applyCardReplacement, idempotent: true },
  { method: 'POST', pattern: backendPaths.employmentCertificateApplication, handler: cardAndCertificate.applyEmploymentCertificate, idempotent: true },
  { method: 'GET', pattern: backendPaths.skillSubsidyEligibility, handler: skillSubsidy.skillSubsidyEligibility, idempotent: false },
  { method: 'POST', pattern: backendPaths.skillSubsidyApplications, handler: skillSubsidy.applySkillSubsidy, idempotent: true },
  { method: 'GET', pattern: backendPaths.pensionAuth, handler: queries.pensionAuth, idempotent: false },
  { method: 'POST', pattern: backendPaths.pensionAuthSubmissions, handler: submissions.submitPensionAuth, idempotent: true },
  { method: 'GET', pattern: backendPaths.referencePhoto, handler: photos.referencePhoto, idempotent: false },
  { method: 'GET', pattern: backendPaths.certificateData, handler: queries.certificateData, idempotent: false },
  { method: 'GET', pattern: backendPaths.insuranceOverview, handler: insurance.insuranceOverview, idempotent: false },
  { method: 'GET', pattern: backendPaths.contributionMonths, handler: insurance.contributionMonths, idempotent: false },
  { method: 'GET', pattern: backendPaths.pensionAccounts, handler: insurance.pensionAccounts, idempotent: false },
  { method: 'GET', pattern: backendPaths.residentPension, handler: insurance.residentPension, idempotent: false },
  { method: 'GET', pattern: backendPaths.flexibleEmployment, handler: insurance.flexibleEmploymentStatus, idempotent: false },
  { method: 'GET', pattern: backendPaths.retirementProfile, handler: insurance.retirementProfile, idempotent: false },
  { method: 'GET', pattern: backendPaths.pensionEstimateInputs, handler: insurance.pensionEstimateInputs, idempotent: false },
  { method: 'GET', pattern: backendPaths.unemploymentBenefit, handler: progress.unemploymentBenefit, idempotent: false },
  { method: 'POST', pattern: backendPaths.unemploymentRegistration, handler: unemployment.registerUnemployment, idempotent: true },
  { method: 'GET', pattern: backendPaths.unemploymentBenefitEligibility, handler: unemployment.unemploymentBenefitEligibility, idempotent: false },
  { method: 'POST', pattern: backendPaths.unemploymentBenefitApplications, handler: unemployment.applyForUnemploymentBenefit, idempotent: true },
  { method: 'GET', pattern: backendPaths.workInjury, handler: progress.workInjury, idempotent: false },
  { method: 'GET', pattern: backendPaths.cardApplications, handler: progress.cardApplications, idempotent: false },
  { method: 'GET', pattern: backendPaths.transfers, handler: progress.transfers, idempotent: false },
  { method: 'GET', pattern: backendPaths.employmentRegistration, handler: progress.employmentRegistration, idempotent: false },
  { method: 'GET', pattern: backendPaths.employmentCertificate, handler: progress.employmentCertificate, idempotent: false },
  { method: 'GET', pattern: backendPaths.applications, handler: progress.applications, idempotent: false },
  { method: 'POST', pattern: backendPaths.skillCertificateLookup, handler: progress.skillCertificateLookup, idempotent: false },
  { method: 'GET', pattern: backendPaths.demoCitizens, handler: queries.demoCitizens, idempotent: false },
  {
    method: 'POST', pattern: backendPaths.demoReferencePhotoEnrolment, handler: photos.enrollReferencePhoto, idempotent: true,
    maxBodyBytes: photos.REFERENCE_PHOTO_ENROLMENT_MAX_BODY_BYTES,
  },
];

export type RouteMatch =
  | { found: 'route'; route: Route; params: Record<string, string> }
  | { found: 'wrong-method' }
  | { found: 'nothing' };

export function findRoute(method: string, pathname: string): RouteMatch {
  let pathExists = false;
  for (const route of simulatorRoutes) {
    const params = matchPattern(route.pattern, pathname);
    if (!params) continue;
    if (route.method === method) return { found: 'route', route, params };
    pathExists = true;
  }
  return pathExists ? { found: 'wrong-method' } : { found: 'nothing' };
}

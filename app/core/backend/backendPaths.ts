/**
 * The business system's endpoints, shared by the client and the simulator so they cannot drift apart.
 * Only the opaque citizen id appears in a path; ID numbers travel in POST bodies because URLs end up in
 * access logs, proxies and diagnostics.
 */
export const backendPaths = {
  health: '/v1/health',
  lookupCitizen: '/v1/citizens/lookup',
  contributions: '/v1/citizens/:citizenId/contributions',
  contributionBase: '/v1/citizens/:citizenId/contribution-base',
  pensionPayments: '/v1/citizens/:citizenId/pension-payments',
  card: '/v1/citizens/:citizenId/card',
  cardLossReport: '/v1/citizens/:citizenId/card/loss-report',
  cardLossCancellation: '/v1/citizens/:citizenId/card/loss-cancellation',
  contactChange: '/v1/citizens/:citizenId/contact',
  flexibleEmployment: '/v1/citizens/:citizenId/flexible-employment',
  /** POST: 补换社保卡 (the card becomes 补卡中, an application appears under cardApplications). */
  cardReplacement: '/v1/citizens/:citizenId/card/replacement',
  /** POST: 就业创业证申领 (the certificate appears under employmentCertificate). */
  employmentCertificateApplication: '/v1/citizens/:citizenId/employment-certificate/application',
  /** POST: 失业登记. */
  unemploymentRegistration: '/v1/citizens/:citizenId/unemployment-registration',
  /** GET: every condition of 失业保险金 checked against the record, with the reasons when not met. */
  unemploymentBenefitEligibility: '/v1/citizens/:citizenId/unemployment-benefit/eligibility',
  /** POST: 失业保险金申领 (checks everything again). */
  unemploymentBenefitApplications: '/v1/citizens/:citizenId/unemployment-benefit/applications',
  /** GET: 技能提升补贴 — the insurance condition and each certificate on record, with whether it can be applied for. */
  skillSubsidyEligibility: '/v1/citizens/:citizenId/skill-subsidy/eligibility',
  /** POST: 技能提升补贴申领 for one certificate (checks everything again). */
  skillSubsidyApplications: '/v1/citizens/:citizenId/skill-subsidy/applications',
  pensionAuth: '/v1/citizens/:citizenId/pension-auth',
  pensionAuthSubmissions: '/v1/citizens/:citizenId/pension-auth/submissions',
  referencePhoto: '/v1/citizens/:citizenId/reference-photo',
  certificateData: '/v1/citizens/:citizenId/certificate-data',
  // Personal queries (聊天查). GET unless noted; 灵活就业 status is GET on the registration's path.
  insuranceOverview: '/v1/citizens/:citizenId/insurances',
  contributionMonths: '/v1/citizens/:citizenId/contribution-months',
  pensionAccounts: '/v1/citizens/:citizenId/pension-accounts',
  unemploymentBenefit: '/v1/citizens/:citizenId/unemployment-benefit',
  workInjury: '/v1/citizens/:citizenId/work-injury',
  residentPension: '/v1/citizens/:citizenId/resident-pension',
  cardApplications: '/v1/citizens/:citizenId/card/applications',
  transfers: '/v1/citizens/:citizenId/transfers',
  employmentRegistration: '/v1/citizens/:citizenId/employment-registration',
  employmentCertificate: '/v1/citizens/:citizenId/employment-certificate',
  applications: '/v1/citizens/:citizenId/applications',
  retirementProfile: '/v1/citizens/:citizenId/retirement-profile',
  pensionEstimateInputs: '/v1/citizens/:citizenId/pension-estimate-inputs',
  /** POST: a public lookup by certificate number (in the body, like the ID number); no citizen involved. */
  skillCertificateLookup: '/v1/skill-certificates/lookup',
  demoCitizens: '/v1/demo/citizens',
  demoReferencePhotoEnrolment: '/v1/demo/citizens/:citizenId/reference-photo',
} as const;

/** The header carrying a write's idempotency key. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** Replace `:name` segments with URL-encoded values. */
export function fillPath(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/:([A-Za-z]+)/g, (_whole, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}

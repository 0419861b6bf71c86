import type { ServiceName } from '../../nlu/serviceCatalogue.js';
import { applicationProgressQuery } from './applicationProgressQuery.js';
import { cardProductionQuery } from './cardProductionQuery.js';
import { cardStatusQuery } from './cardStatusQuery.js';
import { contributionBaseQuery } from './contributionBaseQuery.js';
import { contributionMonthsQuery } from './contributionMonthsQuery.js';
import { employmentCertificateQuery } from './employmentCertificateQuery.js';
import { employmentRegistrationQuery } from './employmentRegistrationQuery.js';
import { flexibleEmploymentPaymentsQuery } from './flexibleEmploymentPaymentsQuery.js';
import { injuryBenefitQuery } from './injuryBenefitQuery.js';
import { insuranceStatusQuery } from './insuranceStatusQuery.js';
import { paymentRecordsQuery } from './paymentRecordsQuery.js';
import { pensionAccountQuery } from './pensionAccountQuery.js';
import { pensionAuthStatusQuery } from './pensionAuthStatusQuery.js';
import { pensionEstimateQuery } from './pensionEstimateQuery.js';
import { pensionPaymentsQuery } from './pensionPaymentsQuery.js';
import type { OpenQuery, PersonalQuery } from './personalQuery.js';
import { residentPensionPaymentsQuery } from './residentPensionPaymentsQuery.js';
import { retirementAgeQuery } from './retirementAgeQuery.js';
import { skillCertificateQuery } from './skillCertificateQuery.js';
import { transferProgressQuery } from './transferProgressQuery.js';
import { unemploymentBenefitQuery } from './unemploymentBenefitQuery.js';

/** The 聊天查 queries that need a verified identity, by service. */
export const personalQueries: Partial<Record<ServiceName, PersonalQuery>> = Object.fromEntries(
  [
    insuranceStatusQuery,
    paymentRecordsQuery,
    contributionBaseQuery,
    contributionMonthsQuery,
    pensionAccountQuery,
    pensionPaymentsQuery,
    pensionAuthStatusQuery,
    unemploymentBenefitQuery,
    injuryBenefitQuery,
    residentPensionPaymentsQuery,
    flexibleEmploymentPaymentsQuery,
    cardStatusQuery,
    cardProductionQuery,
    transferProgressQuery,
    employmentRegistrationQuery,
    employmentCertificateQuery,
    applicationProgressQuery,
    pensionEstimateQuery,
  ].map((q) => [q.service, q]),
);

/**
 * The queries that need no identity (they work from what the citizen says: a certificate number, a birth month), by
 * service. The session passes the verified citizen id when the visit already has one, else null.
 */
export const openQueries: Partial<Record<ServiceName, OpenQuery>> = Object.fromEntries([skillCertificateQuery, retirementAgeQuery].map((q) => [q.service, q]));

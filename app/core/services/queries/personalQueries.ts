import type { ServiceName } from '../../nlu/serviceCatalogue.js';
import { cardStatusQuery } from './cardStatusQuery.js';
import { contributionBaseQuery } from './contributionBaseQuery.js';
import { contributionMonthsQuery } from './contributionMonthsQuery.js';
import { pensionAuthStatusQuery } from './pensionAuthStatusQuery.js';
import { pensionPaymentsQuery } from './pensionPaymentsQuery.js';
import type { OpenQuery, PersonalQuery } from './personalQuery.js';
import { transferProgressQuery } from './transferProgressQuery.js';
import { unemploymentBenefitQuery } from './unemploymentBenefitQuery.js';

/** The 聊天查 queries the kiosk answers today, by service. */
export const personalQueries: Partial<Record<ServiceName, PersonalQuery>> = Object.fromEntries(
  [contributionBaseQuery, contributionMonthsQuery, pensionPaymentsQuery, pensionAuthStatusQuery, cardStatusQuery, unemploymentBenefitQuery, transferProgressQuery].map((q) => [q.service, q]),
);

/** The queries that need no identity (they work from what the citizen says), by service. */
export const openQueries: Partial<Record<ServiceName, OpenQuery>> = Object.fromEntries([].map((q: OpenQuery) => [q.service, q]));

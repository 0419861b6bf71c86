import type { CertificateContent, InsuranceRecord } from '../../../printer/index.js';
import type { CertificateData, CertificateInsurance } from '../backend/backendTypes.js';

const TYPES: Record<CertificateInsurance['type'], InsuranceRecord['type']> = {
  养老: 'pension',
  医疗: 'medical',
  失业: 'unemployment',
  工伤: 'workInjury',
  生育: 'maternity',
};

const STATUSES: Record<CertificateInsurance['status'], InsuranceRecord['status']> = {
  参保缴费: 'contributing',
  暂停缴费: 'suspended',
  终止: 'terminated',
};

/**
 * The business system's certificate data as the printer's 参保证明 layout wants it. Periods are the
 * unbroken contribution runs; an enrolment with none yet shows its enrolment span so the row is not empty.
 */
export function toCertificateContent(data: CertificateData, options: { certificateNumber: string; printedAt: Date }): CertificateContent {
  return {
    certificateNumber: options.certificateNumber,
    hall: { code: data.issuingHall.code, name: data.issuingHall.name },
    citizen: { name: data.citizen.name, idNumber: data.citizen.idNumberMasked },
    insurances: data.insurances.map((insurance) => ({
      type: TYPES[insurance.type],
      status: STATUSES[insurance.status],
      periods:
        insurance.periods.length > 0
          ? insurance.periods.map((p) => ({ from: p.from, to: p.to }))
          : [{ from: insurance.startPeriod, to: insurance.endPeriod }],
      contributionMonths: insurance.contributionMonths,
    })),
    printedAt: options.printedAt,
    onlineVerificationCode: data.verificationCode,
  };
}

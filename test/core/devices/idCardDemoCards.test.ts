// The ID-card simulator's demo cards are the business-system simulator's demo citizens: a demo card placed on the
// simulated reader is a citizen the demo's business system knows (same number, same name).
import { describe, expect, it } from 'vitest';
import { demoCitizenSeeds } from '../../../app/core/backend/simulator/demoCitizens.js';
import { demoCards } from '../../../idcard/index.js';

describe('demo ID cards ⇄ demo citizens', () => {
  it('each card carries its citizen\'s ID number and name; birth date and sex agree with the number', () => {
    expect(demoCards.length).toBeGreaterThanOrEqual(5);
    for (const card of demoCards) {
      const citizen = demoCitizenSeeds.find((c) => c.citizenId === card.citizenId);
      expect(citizen, card.id).toBeDefined();
      expect(card.text.idNumber, card.id).toBe(citizen!.idNumber);
      expect(card.text.name, card.id).toBe(citizen!.name);
      const n = card.text.idNumber;
      expect(card.text.birthDate, card.id).toBe(`${n.slice(6, 10)}-${n.slice(10, 12)}-${n.slice(12, 14)}`);
      expect(card.text.genderCode, card.id).toBe(Number(n[16]) % 2 === 1 ? '1' : '2');
    }
  });

  it('covers a pensioner due, one overdue, one authenticated, a citizen with no photo on file, and an expired card', () => {
    const tagsOf = (id: string) => demoCitizenSeeds.find((c) => c.citizenId === demoCards.find((d) => d.id === id)!.citizenId)!;
    expect(tagsOf('pensioner').usefulFor).toContain('pensioner-due-auth');
    expect(tagsOf('pensioner-overdue').usefulFor).toContain('pensioner-overdue-auth');
    expect(tagsOf('pensioner-hui').usefulFor).toContain('pensioner-authenticated');
    expect(tagsOf('no-photo-on-file').referencePhoto).toBeNull();
    expect(demoCards.find((c) => c.id === 'expired')!.text.validTo < '2020-01-01').toBe(true);
  });
});

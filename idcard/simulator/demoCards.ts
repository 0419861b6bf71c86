// The simulator's demo cards. Every name and number is invented (the same people as the business-system
// simulator's demo citizens, app/core/backend/simulator/demoCitizens.ts): the ID numbers carry valid GB 11643 check
// characters and Qingdao area codes. The photo field of each is a demo marker (idcard/wlt/demoWltPhoto.ts).

import type { IdCardText } from '../idCardText.js';

export interface DemoCard {
  /** Stable id for tests and for demoWltDecoder's photos. */
  id: string;
  /** The business-system simulator's demo citizen with the same ID number. */
  citizenId: string;
  /** What the card is useful for in a test or a demo. */
  useFor: string;
  text: IdCardText;
}

export const demoCards: readonly DemoCard[] = [
  {
    id: 'pensioner',
    citizenId: 'QD0001',
    useFor: 'an elderly pensioner; long-term card (issued after 46)',
    text: {
      name: '王秀兰',
      genderCode: '2',
      nationCode: '01',
      birthDate: '1962-03-15',
      address: '山东省青岛市市北区辽宁路156号3单元502户',
      idNumber: '370203196203150422',
      issuer: '青岛市公安局市北分局',
      validFrom: '2012-06-18',
      validTo: 'long-term',
    },
  },
  {
    id: 'young-worker',
    citizenId: 'QD0005',
    useFor: 'a young employee; 20-year card, valid',
    text: {
      name: '刘婷',
      genderCode: '2',
      nationCode: '01',
      birthDate: '1991-02-07',
      address: '山东省青岛市崂山区海尔路178号6号楼1单元1202户',
      idNumber: '370212199102070247',
      issuer: '青岛市公安局崂山分局',
      validFrom: '2017-08-15',
      validTo: '2037-08-15',
    },
  },
  {
    id: 'expired',
    citizenId: 'QD0007',
    useFor: 'a card past its validity (10-year card issued at 19, expired 2018)',
    text: {
      name: '赵磊',
      genderCode: '1',
      nationCode: '01',
      birthDate: '1988-12-05',
      address: '山东省胶州市兰州东路216号',
      idNumber: '370281198812050732',
      issuer: '胶州市公安局',
      validFrom: '2008-03-10',
      validTo: '2018-03-10',
    },
  },
  {
    id: 'pensioner-hui',
    citizenId: 'QD0002',
    useFor: 'a male pensioner of the Hui nationality (nation code 03); long-term card',
    text: {
      name: '张建国',
      genderCode: '1',
      nationCode: '03',
      birthDate: '1956-08-02',
      address: '山东省青岛市市南区香港中路61号乙2单元301户',
      idNumber: '370202195608020350',
      issuer: '青岛市公安局市南分局',
      validFrom: '2010-09-01',
      validTo: 'long-term',
    },
  },
  {
    id: 'pensioner-overdue',
    citizenId: 'QD0003',
    useFor: 'a female pensioner whose 养老认证 is overdue (check character X); long-term card',
    text: {
      name: '周桂芳',
      genderCode: '2',
      nationCode: '01',
      birthDate: '1958-11-20',
      address: '山东省青岛市李沧区书院路88号2单元401户',
      idNumber: '37021319581120068X',
      issuer: '青岛市公安局李沧分局',
      validFrom: '2011-04-22',
      validTo: 'long-term',
    },
  },
  {
    id: 'no-photo-on-file',
    citizenId: 'QD0010',
    useFor: 'a worker near retirement with no photo on file: the chip photo is the only reference; long-term card',
    text: {
      name: '吴国华',
      genderCode: '1',
      nationCode: '01',
      birthDate: '1968-05-09',
      address: '山东省莱西市烟台路32号',
      idNumber: '370285196805090150',
      issuer: '莱西市公安局',
      validFrom: '2016-07-05',
      validTo: 'long-term',
    },
  },
];

// People for the other-person property tests (the detector's and the pasted-text reader's): fictional
// patients and relatives with valid CHI numbers, distinct names and dates, postcodes and phones.
import fc from 'fast-check';

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const GIVEN = ['Margaret', 'Fiona', 'James', 'Robert', 'Agnes', 'Isobel', 'Alan', 'Elaine', 'Hamish', 'Morag', 'Craig', 'Shona', 'Kenneth', 'Linda', 'Catriona', 'Neil'];
export const FAMILY = ['Docherty', 'Lindsay', 'Kerr', 'McLean', 'Fraser', 'Sinclair', 'Mackay', 'Bremner', 'Forsyth', 'Gallacher', 'Watt', 'Boyle'];
export const AREAS = ['G', 'EH', 'DD', 'KY', 'IV', 'AB', 'PA', 'FK'];
export const UNIT = 'ABDEFGHJLNPQRSTUWXYZ';

export interface Person {
  given: string;
  family: string;
  title: string;
  birthDate: string;
  sex: 'female' | 'male';
  chi: string;
  postcode: string;
  phone: string;
  street: string;
}

function mod11(nine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine.charAt(i)) * (10 - i);
  const check = 11 - (sum % 11);
  return check === 11 ? 0 : check;
}

/** A valid CHI for a date and sex: DDMMYY, two serial digits, the sex digit, the check digit. */
export function chiFor(birthDate: string, sex: 'female' | 'male', serial: number): string {
  const ddmmyy = `${birthDate.slice(8, 10)}${birthDate.slice(5, 7)}${birthDate.slice(2, 4)}`;
  for (let k = 0; k < 50; k++) {
    const s = String((serial + k) % 100).padStart(2, '0');
    const sexDigit = String(((serial + k) % 5) * 2 + (sex === 'male' ? 1 : 0));
    const nine = `${ddmmyy}${s}${sexDigit}`;
    const check = mod11(nine);
    if (check !== 10) return `${nine}${check}`;
  }
  throw new Error('no CHI');
}

export const person = (index: number): fc.Arbitrary<Person> =>
  fc
    .record({
      year: fc.integer({ min: 1925, max: 2015 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      female: fc.boolean(),
      serial: fc.nat(99),
      title: fc.nat(3),
      area: fc.constantFrom(...AREAS),
      district: fc.integer({ min: 1, max: 40 }),
      sector: fc.nat(9),
      unit: fc.tuple(fc.nat(UNIT.length - 1), fc.nat(UNIT.length - 1)),
      house: fc.integer({ min: 1, max: 99 }),
    })
    .map((r) => {
      const birthDate = `${r.year}-${String(r.month).padStart(2, '0')}-${String(r.day).padStart(2, '0')}`;
      const sex = r.female ? 'female' : 'male';
      return {
        // Distinct given names and dates per person, so any one found in the context is recognisable.
        given: GIVEN[index % GIVEN.length] as string,
        family: FAMILY[(index * 5) % FAMILY.length] as string,
        title: r.female ? (['Mrs', 'Ms', 'Miss', 'Mrs'][r.title] as string) : 'Mr',
        birthDate: `${r.year - index}${birthDate.slice(4)}`,
        sex,
        chi: chiFor(`${r.year - index}${birthDate.slice(4)}`, sex, r.serial),
        postcode: `${r.area}${r.district} ${r.sector}${UNIT[r.unit[0]]}${UNIT[r.unit[1]]}`,
        phone: `${index % 2 ? '07700 900' : '01632 960'} ${index}${String(r.house).padStart(2, '0')}`,
        street: `${r.house} ${FAMILY[(index + 3) % FAMILY.length]} Street`,
      };
    });

export const ukDate = (iso: string, style: number): string => {
  const [y, m, d] = iso.split('-');
  if (style === 0) return `${d}-${MONTHS[Number(m) - 1]}-${y}`;
  if (style === 1) return `${d}/${m}/${y}`;
  if (style === 2) return iso;
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
};
export const nameAs = (p: Person, style: number): string =>
  style === 0 ? `${p.family.toUpperCase()}, ${p.given} (${p.title})` : style === 1 ? `${p.title} ${p.given} ${p.family.toUpperCase()}` : `${p.given} ${p.family}`;
export const spacedChi = (chi: string, spaced: boolean): string => (spaced ? `${chi.slice(0, 6)} ${chi.slice(6)}` : chi);


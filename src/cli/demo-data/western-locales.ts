/** Buyers abroad: the United States, the United Kingdom, Germany and Singapore. */
import { exampleDomains, type Locale, type Person } from './locale.ts';
import { chance, optional, pickOne, type Rng, randomDigits, randomInt } from './random.ts';

interface WesternNames {
  first: readonly string[];
  last: readonly string[];
}

function westernPerson(rng: Rng, names: WesternNames, phone: string): Person {
  const first = pickOne(rng, names.first);
  const last = pickOne(rng, names.last);
  const local = `${first}.${last}`
    .toLowerCase()
    .replaceAll(' ', '')
    .replaceAll('ü', 'ue')
    .replaceAll('ö', 'oe')
    .replaceAll('ä', 'ae');
  return { name: `${first} ${last}`, phone, email: `${local}@${pickOne(rng, exampleDomains)}` };
}

const englishNames: WesternNames = {
  first: [
    'James',
    'Emma',
    'Olivia',
    'Liam',
    'Noah',
    'Sophia',
    'Oliver',
    'Charlotte',
    'Amelia',
    'Jack',
    'Harry',
    'Isla',
    'Ethan',
    'Mia',
    'Lucas',
    'Grace',
  ],
  last: [
    'Smith',
    'Johnson',
    'Brown',
    'Taylor',
    'Miller',
    'Wilson',
    'Davies',
    'Evans',
    'Thomas',
    'Roberts',
    'Walker',
    'Clark',
    'Lewis',
    'Hall',
  ],
};
const germanNames: WesternNames = {
  first: [
    'Lena',
    'Felix',
    'Max',
    'Anna',
    'Paul',
    'Emma',
    'Leon',
    'Mia',
    'Jonas',
    'Hannah',
    'Lukas',
    'Sophie',
  ],
  last: [
    'Müller',
    'Schmidt',
    'Schneider',
    'Fischer',
    'Weber',
    'Meyer',
    'Wagner',
    'Becker',
    'Hoffmann',
    'Schulz',
  ],
};
const singaporeanNames: WesternNames = {
  first: ['Wei Ling', 'Jun Hao', 'Hui Min', 'Ryan', 'Rachel', 'Marcus', 'Priya', 'Arjun', 'Aisyah', 'Daniel'],
  last: ['Tan', 'Lim', 'Lee', 'Ng', 'Ong', 'Wong', 'Goh', 'Chua', 'Kumar', 'Rahman'],
};

const usCities = [
  { city: 'New York', state: 'NY', areaCode: '212', zipFrom: 10001, zipTo: 10282 },
  { city: 'San Francisco', state: 'CA', areaCode: '415', zipFrom: 94102, zipTo: 94134 },
  { city: 'Seattle', state: 'WA', areaCode: '206', zipFrom: 98101, zipTo: 98199 },
  { city: 'Austin', state: 'TX', areaCode: '512', zipFrom: 78701, zipTo: 78759 },
  { city: 'Chicago', state: 'IL', areaCode: '312', zipFrom: 60601, zipTo: 60661 },
];
const ukCities = [
  { city: 'London', outward: ['SW1A', 'E1', 'N1', 'W2', 'SE1', 'NW1', 'EC2A'] },
  { city: 'Manchester', outward: ['M1', 'M3', 'M4', 'M14'] },
  { city: 'Edinburgh', outward: ['EH1', 'EH3', 'EH8'] },
];
const germanCities = [
  { city: 'Berlin', state: 'Berlin', zipFrom: 10115, zipTo: 14199 },
  { city: 'München', state: 'Bayern', zipFrom: 80331, zipTo: 81929 },
  { city: 'Hamburg', state: 'Hamburg', zipFrom: 20095, zipTo: 22769 },
  { city: 'Köln', state: 'Nordrhein-Westfalen', zipFrom: 50667, zipTo: 51149 },
];

export const usLocale: Locale = {
  country: 'US',
  newPerson: (rng) =>
    westernPerson(
      rng,
      englishNames,
      `+1${pickOne(rng, usCities).areaCode}${randomInt(rng, 2, 9)}${randomDigits(rng, 6)}`,
    ),
  newAddress: (rng) => {
    const place = pickOne(rng, usCities);
    const street = pickOne(rng, [
      'Main Street',
      'Oak Avenue',
      'Maple Drive',
      'Park Avenue',
      'Market Street',
      'Pine Street',
    ]);
    return {
      country: 'US',
      province: place.state,
      city: place.city,
      line1: `${randomInt(rng, 1, 2400)} ${street}`,
      ...optional(
        'line2',
        chance(rng, 0.4) ? `Apt ${randomInt(rng, 1, 30)}${pickOne(rng, ['A', 'B', 'C', 'D'])}` : undefined,
      ),
      postalCode: String(randomInt(rng, place.zipFrom, place.zipTo)),
    };
  },
};

export const ukLocale: Locale = {
  country: 'GB',
  newPerson: (rng) => westernPerson(rng, englishNames, `+447${randomInt(rng, 4, 9)}${randomDigits(rng, 8)}`),
  newAddress: (rng) => {
    const place = pickOne(rng, ukCities);
    // Inward codes never use C, I, K, M, O or V.
    const inward = `${randomInt(rng, 1, 9)}${pickOne(rng, [...'ABDEFGHJLNPQRSTUWXYZ'])}${pickOne(rng, [...'ABDEFGHJLNPQRSTUWXYZ'])}`;
    const street = pickOne(rng, [
      'High Street',
      'Station Road',
      'Church Lane',
      'Victoria Road',
      'Queen Street',
      'Baker Street',
    ]);
    return {
      country: 'GB',
      city: place.city,
      line1: `${randomInt(rng, 1, 250)} ${street}`,
      postalCode: `${pickOne(rng, place.outward)} ${inward}`,
    };
  },
};

export const germanLocale: Locale = {
  country: 'DE',
  newPerson: (rng) =>
    westernPerson(
      rng,
      germanNames,
      `+49${pickOne(rng, ['151', '152', '160', '170', '171', '176'])}${randomDigits(rng, 8)}`,
    ),
  newAddress: (rng) => {
    const place = pickOne(rng, germanCities);
    const street = pickOne(rng, [
      'Hauptstraße',
      'Bahnhofstraße',
      'Schillerstraße',
      'Goethestraße',
      'Friedrichstraße',
      'Lindenallee',
    ]);
    return {
      country: 'DE',
      province: place.state,
      city: place.city,
      line1: `${street} ${randomInt(rng, 1, 180)}`,
      postalCode: String(randomInt(rng, place.zipFrom, place.zipTo)),
    };
  },
};

export const singaporeLocale: Locale = {
  country: 'SG',
  newPerson: (rng) =>
    westernPerson(rng, singaporeanNames, `+65${pickOne(rng, ['8', '9'])}${randomDigits(rng, 7)}`),
  newAddress: (rng) => {
    const street = pickOne(rng, [
      'Orchard Road',
      'Tampines Avenue 5',
      'Ang Mo Kio Avenue 3',
      'Bukit Timah Road',
      'Clementi Avenue 2',
    ]);
    return {
      country: 'SG',
      city: 'Singapore',
      line1: `${randomInt(rng, 1, 600)} ${street}`,
      line2: `#${String(randomInt(rng, 2, 30)).padStart(2, '0')}-${String(randomInt(rng, 1, 120)).padStart(2, '0')}`,
      postalCode: `${randomInt(rng, 10, 82)}${randomDigits(rng, 4)}`,
    };
  },
};

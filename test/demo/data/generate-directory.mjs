// Writes test/demo/data/demo-directory.aliss.json (and the identical
// public/data/demo-directory.aliss.json for the extension's demo mode): about 150 INVENTED community
// services around the invented Kelvinbrae neighbourhood (Glasgow East End), in
// ALISS API v4 service-search shape. Deterministic: same output every run.
// Run: node test/demo/data/generate-directory.mjs
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PRACTICE = { lat: 55.859, lon: -4.217 };
const DISTRICTS = { G31: [55.856, -4.2091], G32: [55.8486, -4.1663], G33: [55.8735, -4.165], G40: [55.8472, -4.2207], G21: [55.8805, -4.2228] };
const MARKER = 'DEMO DATA — invented service.';

// mulberry32: tiny seeded PRNG so the file is identical on every run.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(20261125);
const pick = (list) => list[Math.floor(rand() * list.length)];
const hex = (n) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
const slugify = (s) => s.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

// need -> [ALISS categories [name, slug]], service name stems, what they do.
const NEEDS = {
  money: [[['Money', 'money'], ['Money Advice', 'money-advice']], ['Money Matters Drop-in', 'Benefits Check Clinic', 'Debt Help Desk', 'Brae Credit Union Advice Point', 'Income Maximisation Service', 'Cost of Living Advice Hub', 'Welfare Rights Surgery', 'Clothing and Uniform Bank', 'Pension Credit Helpers'], 'free, confidential help with benefits, debt and budgeting'],
  housing: [[['Housing and Homelessness', 'housing-and-homelessness'], ['Housing Advice', 'housing-advice']], ['Tenancy Support Team', 'Homelessness Advice Line', 'Damp and Repairs Helpdesk', 'Tenants Together', 'Safe Home Project', 'Housing Options Clinic', 'Resettlement Support', 'Furniture Reuse Store', 'Young Tenants Project'], 'advice on tenancies, repairs, damp, eviction and homelessness'],
  food: [[['Food & Nutrition', 'food-nutrition'], ['Foodbank', 'foodbank']], ['Community Pantry', 'Food Bank', 'Free Soup Lunch', 'Community Fridge', 'Family Meal Club', 'Food Parcel Delivery', 'Breakfast Club', 'Sunday Dinner Table', 'Fruit and Veg Barra'], 'food parcels, low-cost pantry shopping and free community meals'],
  fuel: [[['Money', 'money'], ['Energy Advice', 'energy-advice']], ['Warm Homes Advice', 'Energy Bill Helpline', 'Meter Top-up Fund', 'Warm Space Cafe', 'Heating Help Service', 'Draught Busters', 'Fuel Debt Advice', 'Winter Warmth Project'], 'help with gas and electricity bills, prepayment meters and keeping warm'],
  work: [[['Education & Employability', 'education-employability'], ['Employability', 'employability']], ['Jobs Club', 'Volunteer Centre', 'Work Ready Programme', 'CV and Interview Help', 'Adult Learning Classes', 'Routes Back to Work', 'Skills Hub', 'Young Person Guarantee Point'], 'support into work, volunteering, training and adult learning'],
  loneliness: [[['Social Activity', 'social-activity'], ['Befriending', 'befriending']], ['Befriending Service', 'Friday Lunch Club', 'Mens Shed', 'Knit and Natter', 'Coffee Morning', 'Telephone Friends', 'Singing Group', 'Community Connectors', 'Dominoes and Tea Club'], 'friendly company, befriending and groups to meet people'],
  'mental-wellbeing': [[['Mental Health Issues', 'mental-health'], ['Counselling', 'counselling']], ['Wellbeing Cafe', 'Bereavement Support Group', 'Low-cost Counselling', 'Anxiety Support Group', 'Calm Minds Course', 'Listening Service', 'Grief Walk and Talk', 'Peer Wellbeing Network'], 'support with low mood, stress, anxiety and bereavement'],
  activity: [[['Physical Activity', 'physical-activity'], ['Exercise & Get Fit', 'exercise-get-fit']], ['Health Walks', 'Chair Exercise Class', 'Community Football', 'Cycling Club', 'Weight Management Group', 'Stop Smoking Drop-in', 'Park Run Buddies', 'Gentle Yoga', 'Walking Netball'], 'walking groups, gentle exercise and healthy living support'],
  caring: [[['Health & Social Care Services', 'health-social-care-services'], ['Respite', 'respite']], ['Carers Centre', 'Young Carers Group', 'Carer Respite Breaks', 'Carers Cafe', 'Dementia Carers Support', 'Carer Support Plans Team', 'Sitting Service'], 'support, breaks and advice for unpaid carers'],
  substances: [[['Addiction', 'addiction'], ['Alcohol Addiction', 'alcohol-addiction']], ['Recovery Cafe', 'Alcohol Support Service', 'Drug Recovery Community', 'Gambling Support Group', 'Family Support for Addiction', 'Mutual Aid Meeting', 'Harm Reduction Drop-in'], 'recovery support for alcohol, drugs and gambling'],
  safety: [[['Rights & Representation', 'rights-representation'], ['Adult Protection', 'adult-protection']], ['Domestic Abuse Support', 'Womens Safety Project', 'Safe Space Drop-in', 'Men Affected by Abuse Service', 'Scam Prevention Advice', 'Children Affected by Abuse Project'], 'confidential support for people affected by domestic abuse and keeping safe'],
  legal: [[['Rights & Representation', 'rights-representation'], ['Independent Advocacy', 'independent-advocacy']], ['Independent Advocacy', 'Legal Advice Clinic', 'Tribunal Representation', 'Immigration Advice Service', 'Rights at Work Surgery', 'Mental Health Advocacy'], 'independent advocacy, legal advice and help with appeals'],
  digital: [[['Education & Employability', 'education-employability'], ['Digital Literacy', 'digital-literacy']], ['Get Online Sessions', 'Device Lending Library', 'Digital Champions', 'Free Wifi and Data Bank', 'Tablet Tea Party', 'Online Forms Helpdesk'], 'help to get online, devices, data and digital skills'],
  transport: [[['Transport & Mobility', 'transport-mobility'], ['Community Transport', 'community-transport']], ['Community Transport', 'Dial-a-Bus', 'Volunteer Drivers', 'Hospital Travel Helpers', 'Wheelchair Accessible Minibus', 'Bike Loan Scheme'], 'community transport and help getting to appointments'],
  family: [[['Children & Families', 'children-families'], ['Parent & Family Support', 'parent-family-support']], ['Family Centre', 'Parent and Toddler Group', 'Dads Group', 'Baby Bank', 'Holiday Club', 'Teen Drop-in', 'Kinship Care Group', 'Parenting Course'], 'support for parents, children and young people'],
  'long-term-condition': [[['Conditions', 'conditions'], ['Self Management', 'self-management']], ['Long-term Conditions Peer Group', 'Breathe Easy Group', 'Diabetes Support Group', 'Chronic Pain Self-management Course', 'Stroke Club', 'Heart Health Group', 'Arthritis Peer Support'], 'peer support and self-management for long-term conditions'],
};

const AREAS = ['Kelvinbrae', 'Kelvinbrae East', 'Brae Cross', 'Mossvale', 'Thornhaugh', 'Kelvinbrae Village'];
const STREETS = ['Brae Street', 'Kelvinbrae Road', 'Mossvale Lane', 'Thornhaugh Avenue', 'Hillcrest Drive', 'Wynd Place', 'Cairnbank Street', 'Lochside Road', 'Foundry Lane', 'Carron Terrace'];
const VENUES = ['Community Hub', 'Church Hall', 'Library', 'Family Centre', 'Community Centre', 'Sports Barn', 'Resource Centre', 'Parish Rooms'];
const ORG_SUFFIX = ['Trust', 'Association', 'Partnership', 'Project', 'Network', 'Collective'];
const DAYS = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays'];

function place() {
  const bearing = rand() * 2 * Math.PI;
  const km = 0.2 + rand() * 5.3;
  const lat = PRACTICE.lat + (km / 111.32) * Math.cos(bearing);
  const lon = PRACTICE.lon + (km / (111.32 * Math.cos((PRACTICE.lat * Math.PI) / 180))) * Math.sin(bearing);
  const district = Object.entries(DISTRICTS).sort((a, b) => Math.hypot(a[1][0] - lat, a[1][1] - lon) - Math.hypot(b[1][0] - lat, b[1][1] - lon))[0][0];
  const postcode = `${district} ${1 + Math.floor(rand() * 9)}${pick('ABDEFGHJLNPQRSTUWXYZ')}${pick('ABDEFGHJLNPQRSTUWXYZ')}`;
  return { lat: Math.round(lat * 1e6) / 1e6, lon: Math.round(lon * 1e6) / 1e6, postcode };
}

function dateFor(i, stale) {
  // Fresh entries: June–October 2026; stale ones: 2023–2024 (over 12 months old).
  const y = stale ? 2023 + (i % 2) : 2026;
  const m = stale ? 1 + (i % 12) : 6 + (i % 5);
  const d = 1 + (i % 27);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T10:00:00.000000Z`;
}

const services = [];
let n = 0;
// Two rounds: every stem once, then an outreach session for the first two stems of each need.
const rounds = [
  Object.entries(NEEDS).map(([need, [categories, stems, what]]) => [need, categories, stems, what, '']),
  Object.entries(NEEDS).map(([need, [categories, stems, what]]) => [need, categories, stems.slice(0, 2), what, ' (Outreach Session)']),
].flat();
for (const [need, categories, stems, what, suffix] of rounds) {
  stems.forEach((stem) => {
    const i = n++;
    const area = pick(AREAS);
    const name = `${area} ${stem}${suffix}`;
    const orgName = `${pick(AREAS)} ${pick(['Community', 'Neighbourhood', 'Wellbeing', 'Kelvin', 'Brae'])} ${pick(ORG_SUFFIX)}`;
    const { lat, lon, postcode } = place();
    const venue = `${area} ${pick(VENUES)}`;
    const street = `${1 + Math.floor(rand() * 180)} ${pick(STREETS)}`;
    const day = pick(DAYS);
    const stale = i % 19 === 7;
    // The marker goes last so a card's one-line summary says what the service offers.
    let description = `${name} offers ${what}. Open ${day} 10am–3pm at ${venue}. You can self-refer or ask your GP practice's Community Links Practitioner. ${MARKER}`;
    if (i % 23 === 3) description = `<p><b>${name}</b> offers ${what} &amp; a warm welcome.</p><script>alert('x')</script><ul><li>Open ${day}</li><li>Drop in &ndash; no appointment</li></ul><p>${MARKER}</p>`;
    const orgId = uuid();
    const id = uuid();
    const second = need === 'food' && i % 2 === 0 ? [['Lunch Club', 'lunch-club']] : need === 'fuel' && i % 3 === 0 ? [['Social Group', 'social-group']] : [];
    services.push({
      id,
      organisation: { id: orgId, name: orgName, aliss_url: `https://demo.invalid/organisations/${slugify(orgName)}/`, permalink: `https://demo.invalid/organisations/${orgId}`, is_claimed: false, slug: slugify(orgName) },
      name,
      description,
      slug: slugify(name),
      url: i === 11 ? "javascript:alert('demo')" : `https://${slugify(name)}.demo.invalid/`,
      phone: `0141 ${String(496 + (i % 4)).padStart(3, '0')} ${String(1000 + ((i * 37) % 9000)).padStart(4, '0')}`,
      email: `hello@${slugify(area)}-${i}.demo.invalid`,
      categories: [...categories, ...second].map(([cname, slug]) => ({ name: cname, slug })),
      locations: [{ id: uuid(), formatted_address: `${venue}, ${street}, Glasgow, ${postcode}`, name: venue, description: '', street_address: street, locality: 'Glasgow', region: '', state: '', postal_code: postcode, country: 'GB', latitude: lat, longitude: lon }],
      service_areas: [{ id: 9, name: 'Glasgow City', type: 2 }],
      aliss_url: `https://demo.invalid/services/${slugify(name)}/`,
      permalink: `https://demo.invalid/services/${id}`,
      last_updated: dateFor(i, stale),
    });
  });
}

const out = {
  _comment: 'DEMO DATA — every service, organisation, address, phone number and email here is INVENTED for the Links Sidebar demo (Kelvinbrae is not a real place). Generated by test/demo/data/generate-directory.mjs.',
  meta: { licence: 'https://creativecommons.org/licenses/by/4.0/', attribution: [{ text: 'Invented demo data', url: 'https://demo.invalid/' }] },
  count: services.length,
  next: null,
  previous: null,
  data: services,
};

// Same file twice: the mock API serves the test copy; the extension seeds its demo mode from the public copy.
const text = `${JSON.stringify(out, null, 1)}\n`;
for (const target of [new URL('./demo-directory.aliss.json', import.meta.url), new URL('../../../public/data/demo-directory.aliss.json', import.meta.url)]) {
  writeFileSync(fileURLToPath(target), text);
  console.log(`wrote ${services.length} services to ${fileURLToPath(target)}`);
}

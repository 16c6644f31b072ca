import { terms } from "./text.js";

/**
 * Places by the names questions use for them: "British regulators" are the UK's, "Chinese buyers" are in
 * China. A question naming one form also searches the others.
 */
const PLACES = [
  "uk britain british united kingdom",
  "us usa american america united states",
  "eu europe european",
  "china chinese",
  "japan japanese",
  "korea korean",
  "taiwan taiwanese",
  "india indian",
  "france french",
  "germany german",
  "israel israeli",
  "canada canadian",
  "ireland irish",
  "netherlands dutch holland",
  "saudi saudis",
  "emirates emirati uae",
  "qatar qatari",
  "finland finnish",
  "sweden swedish",
  "norway norwegian",
  "denmark danish",
  "switzerland swiss",
  "spain spanish",
  "italy italian",
  "belgium belgian",
  "austria austrian",
  "australia australian",
  "singapore singaporean",
  "malaysia malaysian",
  "vietnam vietnamese",
  "indonesia indonesian",
  "brazil brazilian",
  "mexico mexican",
  "russia russian",
];

/**
 * Regions by the cities news names in them, one way: a question about "the saxony plant" also searches
 * Dresden (where an article puts it), but an article on Dresden is not about all of Saxony. Not cities to
 * their countries: most articles name the country too, and a question's city would then weigh every
 * key point naming the country.
 */
const WITHIN: Record<string, string> = {
  saxony: "dresden leipzig",
  bavaria: "munich",
  kyushu: "kumamoto",
  arizona: "phoenix chandler",
  ohio: "columbus",
  texas: "austin dallas houston abilene",
  catalonia: "barcelona",
  brittany: "rennes",
  lombardy: "milan",
  flanders: "antwerp ghent",
  hokkaido: "sapporo chitose",
  gyeonggi: "pyeongtaek hwaseong",
};

/** US states, where data centres and fabs are built: each a place of its own. */
const US_STATES = `alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
  illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri
  montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia wisconsin wyoming`;

/** States by their postal codes, where no English word or company is written the same ("in", "or", "me", "ms" are not). */
const STATE_CODES: Record<string, string> = {
  nc: "North Carolina", sc: "South Carolina", nj: "New Jersey", ny: "New York", tx: "Texas", az: "Arizona", ga: "Georgia", va: "Virginia",
  wv: "West Virginia", nv: "Nevada", ut: "Utah", fl: "Florida", wi: "Wisconsin", mn: "Minnesota", ky: "Kentucky", tn: "Tennessee", ks: "Kansas",
  nm: "New Mexico", nd: "North Dakota", sd: "South Dakota", md: "Maryland", nh: "New Hampshire", vt: "Vermont", ak: "Alaska", wy: "Wyoming", pa: "Pennsylvania",
};

/**
 * States and cities by the nicknames chat calls them: "the lone star state" is Texas. Read as the place
 * (the nickname's own words, "star", "state", say nothing of it).
 */
const NICKNAMES: Record<string, string> = {
  "lone star state": "Texas", "golden state": "California", "sunshine state": "Florida", "empire state": "New York",
  "grand canyon state": "Arizona", "buckeye state": "Ohio", "bluegrass state": "Kentucky", "peach state": "Georgia",
  "old dominion": "Virginia", "prairie state": "Illinois", "land of lincoln": "Illinois", "keystone state": "Pennsylvania",
  "badger state": "Wisconsin", "pelican state": "Louisiana", "silver state": "Nevada", "beehive state": "Utah",
  "hoosier state": "Indiana", "tar heel state": "North Carolina", "volunteer state": "Tennessee", "garden state": "New Jersey",
  "bay state": "Massachusetts", "centennial state": "Colorado", "beaver state": "Oregon", "show me state": "Missouri",
  "magnolia state": "Mississippi", "sooner state": "Oklahoma", "great lakes state": "Michigan", "wolverine state": "Michigan",
  "cornhusker state": "Nebraska", "hawkeye state": "Iowa", "gem state": "Idaho", "treasure state": "Montana",
  "old line state": "Maryland", "palmetto state": "South Carolina", "evergreen state": "Washington state", "big apple": "New York", "windy city": "Chicago",
  "silicon valley": "Silicon Valley California", "bay area": "San Francisco Bay Area", "land of the rising sun": "Japan",
  "down under": "Australia",
  // Named as one place, searched in all its forms (the group's other words): "the united states" as "america".
  "united states": "United States America", "united kingdom": "United Kingdom Britain",
  ...STATE_CODES,
};
const NICKNAME = new RegExp(`\\b(?:the )?(${Object.keys(NICKNAMES).map((name) => name.replace(/ /g, "[\\s-]+")).join("|")})\\b`, "gi");
const nicknameKey = (text: string) => text.toLowerCase().replace(/[\s-]+/g, " ");

/** A question with the places it calls by nickname named: "the lone star state" -> "Texas". */
export function namingPlaces(question: string): string {
  return question.replace(NICKNAME, (match: string, name: string) => NICKNAMES[nicknameKey(name)] ?? match);
}

const forms = new Map<string, string[]>();
for (const group of PLACES) {
  const members = [...new Set(terms(group))];
  // "british" searches "united kingdom" too, but the words of a two-word name are no country alone: "unit",
  // "state" and "kingdom" (the "semiconductor unit", "which state") are not read as one.
  const names = new Set(terms(group.replace(/\bunited (states|kingdom)\b/g, "")));
  for (const member of members) if (names.has(member)) forms.set(member, members);
}

for (const [place, around] of Object.entries(WITHIN)) {
  const [term] = terms(place);
  if (term) forms.set(term, [...new Set([...(forms.get(term) ?? []), ...terms(around)])]);
}

/**
 * Every term that names a place within a country: regions, their cities, US states. Where a site is tells
 * two like stories apart; a country is named by too many stories for that.
 */
const SITE_TERMS = new Set([...Object.entries(WITHIN).flatMap(([region, cities]) => terms(`${region} ${cities}`)), ...terms(US_STATES)]);

/** The places within a country a question's terms name ("dresden", "texas", "saxony"), each once. */
export function placesAsked(questionTerms: Iterable<string>): string[] {
  return [...new Set([...questionTerms].filter((term) => SITE_TERMS.has(term)))];
}

/** The other forms of a place term ("british" -> "uk", "britain", ...) and the cities of a region ("saxony" -> "dresden"), or none. */
export function placeForms(term: string): string[] {
  return (forms.get(term) ?? []).filter((form) => form !== term);
}

/** Countries as news writes them, in any of their forms ("the United States", "Chinese"), and by their codes in capitals ("UK"). */
const COUNTRY_NAMES = new RegExp(`\\b(${PLACES.flatMap((group) => group.split(" ")).filter((form) => form.length > 3).concat(["united states", "united kingdom"]).join("|")})\\b`, "iu");
const COUNTRY_CODES = /\b(US|USA|UK|EU|UAE)\b/;
// US_STATES holds the one-word names; the postal codes' names hold the others but Rhode Island.
const STATE_NAMES = new RegExp(`\\b(${[...new Set([...US_STATES.trim().split(/\s+/), ...Object.values(STATE_CODES), "Rhode Island", "Washington state"])].join("|")})\\b`, "iu");

/** Whether a text names a country ("users in the United States"): what answers "which country". */
export function namesCountry(text: string): boolean {
  return COUNTRY_NAMES.test(text) || COUNTRY_CODES.test(text);
}

/** Whether a text names a US state: what answers "which state". */
export function namesState(text: string): boolean {
  return STATE_NAMES.test(text);
}

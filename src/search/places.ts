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

const forms = new Map<string, string[]>();
for (const group of PLACES) {
  const members = [...new Set(terms(group))];
  for (const member of members) forms.set(member, members);
}

for (const [place, around] of Object.entries(WITHIN)) {
  const [term] = terms(place);
  if (term) forms.set(term, [...new Set([...(forms.get(term) ?? []), ...terms(around)])]);
}

/** The other forms of a place term ("british" -> "uk", "britain", ...) and the cities of a region ("saxony" -> "dresden"), or none. */
export function placeForms(term: string): string[] {
  return (forms.get(term) ?? []).filter((form) => form !== term);
}

/**
 * Words dropped from questions and articles alike: English function words and the filler of questions
 * ("who is", "tell me about", "any news on"). Dropping them at query time is what keeps a natural
 * question fast: without it, "who is the ..." scores every document in the corpus.
 */
export const STOP_WORDS = new Set(
  `a about above after again against all also am an and any anything are aren't as at be because been before
  being below between both but by can could did didn't do does doesn't doing don't down during each either
  else ever every few for from further get gets got had has hasn't have haven't having he her here hers
  herself him himself his how i i'm if in into is isn't it it's its itself just know let's like me might
  more most much must my myself news no nor not now of off on once only or other ought our ours ourselves
  out over own please same say says she should so some such tell than that that's the their theirs them
  themselves then there there's these they this those through to too under until up us very was wasn't we
  were weren't what what's when where which while who who's whom whose why will with won't would you your
  yours yourself yourselves anyone someone something thing things latest recent recently happened story
  stories article articles really actually ok okay hey hi hello pls thanks thank
  whats hows wheres whens whos whys dont doesnt didnt isnt wasnt arent werent hasnt havent wont cant
  youre theyre thats theres lets u ur yo lol tbh idk btw imo plz guys anybody somebody info wanna gonna`
    .split(/\s+/)
    .filter(Boolean),
);

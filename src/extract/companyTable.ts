/**
 * The companies Newsdesk knows by name, with the other names people use for them. Matching is by whole
 * words, case-insensitive, except for names that are also ordinary words (`caseSensitive`). A question
 * in one name finds an article written with another: "AWS" finds an article about Amazon, "Alphabet" one
 * about Google. Add a row to teach it a company; nothing else needs to change.
 */
export interface CompanyEntry {
  /** The name shown to users and used as the canonical key. */
  name: string;
  /** Other names, lower case unless `caseSensitive`; the canonical name is always included. */
  aliases?: string[];
  /**
   * Stock tickers ("msft", "googl"), matched like aliases. A ticker that is an ordinary word ("SNOW", "MU")
   * is also listed in `caseSensitive`, so only the capitals of a ticker name the company.
   */
  tickers?: string[];
  /** Names that are ordinary words in lower case ("Arm", "X"): matched only as written. */
  caseSensitive?: string[];
  /**
   * What chat calls the company without naming it: nicknames and descriptions ("big blue", "the windows
   * maker", "redmond"). Read in questions only (an article that calls IBM "Big Blue" names IBM too), where
   * the company's name is added, replacing the nickname when it has several words: "blue" in "big blue"
   * must not find Blue Owl.
   */
  nicknames?: string[];
  /** Who runs or founded it ("satya nadella", "nadella"): a question naming them is also about the company. Questions only. */
  people?: string[];
}

export const COMPANY_TABLE: CompanyEntry[] = [
  { name: "OpenAI", aliases: ["oai", "open ai", "chatgpt"], nicknames: ["the chatgpt maker", "chatgpt maker", "chatgpt developer", "gpt maker", "the gpt-5 maker", "sora maker"], people: ["sam altman", "altman", "sama", "greg brockman"] },
  { name: "Amazon", aliases: ["aws", "amazon web services", "amazon.com"], tickers: ["amzn"], nicknames: ["the e-commerce giant", "the ecommerce giant", "the online retailer", "the retail giant", "the everything store", "the seattle company", "the kindle maker", "alexa maker", "the biggest cloud provider"], people: ["andy jassy", "jassy", "jeff bezos", "bezos", "matt garman"] },
  { name: "Google", aliases: ["alphabet", "google cloud", "google deepmind", "deepmind", "gemini"], tickers: ["goog", "googl"], nicknames: ["the search giant", "the search company", "the search engine giant", "mountain view", "the gemini maker", "the youtube owner", "the android maker", "the chrome maker", "the pixel maker", "the bard maker"], people: ["sundar pichai", "pichai", "sundar", "demis hassabis", "hassabis", "thomas kurian"] },
  { name: "Meta", aliases: ["facebook", "meta platforms"], tickers: ["fb"], nicknames: ["the facebook parent", "facebook parent", "the instagram owner", "instagram owner", "the whatsapp owner", "menlo park", "the llama developer", "the llama maker", "llama maker", "the social media giant", "the social network"], people: ["mark zuckerberg", "zuckerberg", "zuck"] },
  { name: "Microsoft", aliases: ["msft", "azure", "microsoft azure"], nicknames: ["the windows maker", "windows maker", "the xbox maker", "the redmond company", "the redmond giant", "redmond", "the office maker", "the copilot maker", "the bing owner", "the github owner", "the linkedin owner", "the teams maker"], people: ["satya nadella", "nadella", "satya", "bill gates", "brad smith", "mustafa suleyman", "suleyman"] },
  { name: "Nvidia", aliases: ["nvda"], nicknames: ["the gpu giant", "gpu giant", "the gpu maker", "gpu maker", "team green", "the ai chip giant", "the ai chip leader", "the cuda company", "the h100 maker", "the blackwell maker", "the geforce maker"], people: ["jensen huang", "jensen", "huang"] },
  { name: "AMD", aliases: ["advanced micro devices"], nicknames: ["team red", "the ryzen maker", "the instinct maker", "the epyc maker", "the radeon maker", "the mi300 maker"], people: ["lisa su"] },
  { name: "Intel", tickers: ["intc"], nicknames: ["chipzilla", "team blue", "the pentium maker", "the xeon maker", "the x86 giant"], people: ["lip-bu tan", "lip bu tan", "pat gelsinger", "gelsinger"] },
  { name: "Broadcom", aliases: ["avgo"], nicknames: ["the vmware owner", "the vmware parent"], people: ["hock tan"] },
  { name: "Oracle", aliases: ["oracle cloud", "oci"], tickers: ["orcl"], nicknames: ["big red", "the database giant", "the database company"], people: ["larry ellison", "ellison", "safra catz", "catz", "clay magouyrk", "mike sicilia"] },
  { name: "Anthropic", aliases: ["claude"], nicknames: ["the claude maker", "claude maker", "the claude developer", "claude developer", "the claude company"], people: ["dario amodei", "amodei", "dario", "daniela amodei"] },
  { name: "CoreWeave", aliases: ["core weave"], tickers: ["crwv"], nicknames: ["the gpu landlord"], people: ["michael intrator", "intrator"] },
  { name: "SoftBank", aliases: ["softbank group", "soft bank"], tickers: ["sftby"], people: ["masayoshi son", "masa son", "masa"], nicknames: ["the japanese conglomerate", "the japanese investor", "the vision fund", "the japanese tech investor", "the japanese tech group"] },
  { name: "TSMC", aliases: ["taiwan semiconductor", "taiwan semiconductor manufacturing"], tickers: ["tsm"], nicknames: ["the taiwanese chipmaker", "taiwans chipmaker", "taiwan's chipmaker", "the contract chipmaker", "the foundry giant", "the worlds largest chipmaker", "the world's largest chipmaker", "the biggest contract chipmaker"], people: ["c.c. wei", "cc wei", "morris chang"] },
  { name: "Apple", tickers: ["aapl"], nicknames: ["the mac maker", "the ipad maker", "the iphone maker", "iphone maker", "cupertino", "the cupertino company"], people: ["tim cook"] },
  { name: "xAI", aliases: ["grok", "x.ai"], nicknames: ["the grok maker", "grok maker", "musks ai company", "musk's ai company", "musks ai startup", "musk's ai startup"] },
  { name: "X", aliases: ["twitter", "x corp"], caseSensitive: ["X"], nicknames: ["the platform formerly known as twitter"] },
  { name: "Tesla", tickers: ["tsla"], nicknames: ["the ev maker", "the electric car maker"] },
  { name: "Scale AI", nicknames: ["the data labeling startup", "the data-labeling startup", "the data labelling startup"] },
  { name: "Blue Owl", aliases: ["blue owl capital"] },
  { name: "Nebius", aliases: ["nebius group"], tickers: ["nbis"], people: ["arkady volozh", "volozh"] },
  { name: "Inflection AI", aliases: ["inflection ai"], caseSensitive: ["Inflection"] },
  { name: "Activision Blizzard", aliases: ["activision", "blizzard"], tickers: ["atvi"], nicknames: ["the call of duty maker", "the call of duty publisher"] },
  { name: "VMware", aliases: ["vm ware"], tickers: ["vmw"] },
  { name: "Cisco", tickers: ["csco"], nicknames: ["the webex maker", "the networking giant"], people: ["chuck robbins"] },
  { name: "Splunk", tickers: ["splk"] },
  { name: "HPE", aliases: ["hewlett packard enterprise", "hewlett-packard enterprise"], people: ["antonio neri"] },
  { name: "Juniper Networks", aliases: ["juniper"], tickers: ["jnpr"], people: ["rami rahim"] },
  { name: "Wiz", nicknames: ["the israeli cloud security startup"] },
  { name: "Windsurf", aliases: ["codeium"] },
  { name: "Cognition", aliases: ["cognition ai"], caseSensitive: ["Cognition"] },
  { name: "Run:ai", aliases: ["runai", "run ai"] },
  { name: "ZT Systems" },
  { name: "Sanmina", tickers: ["sanm"] },
  { name: "Core Scientific", tickers: ["corz"] },
  { name: "MGX", people: ["sheikh tahnoon", "tahnoon bin zayed"] },
  { name: "ICONIQ", aliases: ["iconiq capital", "iconiq growth"] },
  { name: "Mistral AI", aliases: ["mistral"], nicknames: ["the french ai startup", "the french ai lab", "the paris ai startup", "the le chat maker"], people: ["arthur mensch"] },
  { name: "ASML", people: ["christophe fouquet", "peter wennink"], nicknames: ["the lithography giant", "the euv maker", "the dutch chip equipment maker", "the dutch chip toolmaker"] },
  { name: "Samsung", aliases: ["samsung electronics"], people: ["lee jae-yong", "jay y. lee", "jay y lee"], nicknames: ["the galaxy maker", "the korean electronics giant"] },
  { name: "SK Hynix", aliases: ["sk hynix", "hynix"] },
  { name: "Micron", caseSensitive: ["MU"], tickers: ["MU"], people: ["sanjay mehrotra"], nicknames: ["the boise chipmaker", "the idaho chipmaker"] },
  { name: "Qualcomm", tickers: ["qcom"], nicknames: ["the snapdragon maker", "the smartphone chipmaker"], people: ["cristiano amon"] },
  { name: "Arm", aliases: ["arm holdings"], caseSensitive: ["Arm", "ARM"], nicknames: ["the cambridge chip designer", "the british chip designer", "the uk chip designer", "the chip architecture company", "the softbank-owned chip designer", "softbanks chip designer", "softbank's chip designer"], people: ["rene haas"] },
  { name: "IBM", nicknames: ["the red hat owner", "the red hat parent", "the mainframe maker", "big blue"], people: ["arvind krishna"] },
  { name: "Salesforce", caseSensitive: ["CRM"], tickers: ["CRM"], nicknames: ["the slack owner", "the crm giant"], people: ["marc benioff", "benioff"] },
  { name: "Databricks", nicknames: ["the lakehouse company", "the data lakehouse company"], people: ["ali ghodsi"] },
  { name: "Snowflake", caseSensitive: ["SNOW"], tickers: ["SNOW"], nicknames: ["the data cloud company"], people: ["sridhar ramaswamy"] },
  { name: "Perplexity", aliases: ["perplexity ai"], people: ["aravind srinivas"], nicknames: ["the ai search startup", "the answer engine"] },
  { name: "Character.AI", aliases: ["character ai", "characterai"] },
  { name: "Spotify", caseSensitive: ["SPOT"], tickers: ["SPOT"], nicknames: ["the music streamer", "the music streaming giant"], people: ["daniel ek"] },
  { name: "Epic Games", nicknames: ["the fortnite maker", "fortnite maker"], people: ["tim sweeney"] },
  { name: "Alibaba", tickers: ["baba"], people: ["eddie wu", "joe tsai", "jack ma"], nicknames: ["the taobao owner", "the qwen maker", "the chinese e-commerce giant"] },
  { name: "Tencent", tickers: ["tcehy"], people: ["pony ma"], nicknames: ["the wechat owner", "the wechat maker"] },
  { name: "Baidu", tickers: ["bidu"], people: ["robin li"], nicknames: ["the chinese search giant", "the ernie maker"] },
  { name: "Huawei", people: ["ren zhengfei"], nicknames: ["the chinese telecom equipment maker", "the chinese telecom giant"] },
  { name: "ByteDance", aliases: ["tiktok"], nicknames: ["the tiktok owner", "the tiktok parent"], people: ["zhang yiming", "liang rubo"] },
  { name: "DeepSeek", aliases: ["deep seek"], people: ["liang wenfeng"], nicknames: ["the hangzhou ai lab", "the hangzhou startup"] },
  { name: "Dell", aliases: ["dell technologies"], people: ["michael dell"] },
  { name: "Super Micro", aliases: ["supermicro", "super micro computer"], tickers: ["smci"], people: ["charles liang"] },
  { name: "Cerebras", tickers: ["cbrs"], people: ["andrew feldman"], nicknames: ["the wafer-scale chipmaker"] },
  { name: "Groq", nicknames: ["the lpu maker"] },
  { name: "Crusoe" },
  { name: "Lambda", caseSensitive: ["Lambda"] },
  { name: "Foxconn", aliases: ["hon hai"], nicknames: ["the iphone assembler", "apples assembler", "apple's assembler"] },
  { name: "Synopsys", tickers: ["snps"], people: ["sassine ghazi"] },
  { name: "Ansys", tickers: ["anss"] },
  { name: "HashiCorp", caseSensitive: ["HCP"], tickers: ["HCP"], nicknames: ["the terraform maker", "the terraform company"] },
  { name: "Informatica", tickers: ["infa"] },
  { name: "Cohere", nicknames: ["the canadian ai startup", "the toronto ai startup"] },
  { name: "Hugging Face", nicknames: ["the ai model hub"] },
  { name: "Stability AI", nicknames: ["the stable diffusion maker"] },
  { name: "Palantir", tickers: ["pltr"], people: ["alex karp"] },
  { name: "Weights & Biases", aliases: ["weights and biases", "wandb", "w&b", "weights biases"], people: ["lukas biewald"] },
  { name: "Altera", nicknames: ["the fpga maker", "the fpga business", "the fpga unit", "intels fpga unit", "intel's fpga unit", "intels fpga business", "intel's fpga business", "the programmable chip unit"] },
  { name: "Humain", nicknames: ["the saudi ai company", "the saudi ai venture", "the saudi ai startup"] },
  { name: "Public Investment Fund", aliases: ["pif", "saudi pif"], nicknames: ["the saudi wealth fund", "the saudi sovereign wealth fund", "saudi arabias wealth fund", "saudi arabia's wealth fund"], people: ["mohammed bin salman", "crown prince mohammed bin salman", "mbs", "yasir al-rumayyan", "al-rumayyan"] },
  { name: "Netflix", tickers: ["nflx"], nicknames: ["the streaming giant"], people: ["ted sarandos", "reed hastings"] },
  { name: "Adobe", tickers: ["adbe"], nicknames: ["the photoshop maker"], people: ["shantanu narayen"] },
  { name: "Figma", caseSensitive: ["FIG"], tickers: ["FIG"], people: ["dylan field"] },
  { name: "Uber", people: ["dara khosrowshahi", "khosrowshahi"] },
  { name: "Stripe", people: ["patrick collison", "john collison"] },
  { name: "Reddit", tickers: ["rddt"], nicknames: ["the front page of the internet", "the forum site", "the message board site", "the subreddit site"], people: ["steve huffman"] },
  { name: "Instagram" },
  { name: "WhatsApp" },
  { name: "GitHub" },
  { name: "LinkedIn" },
  { name: "YouTube" },
  { name: "Constellation Energy", aliases: ["constellation"], tickers: ["ceg"], nicknames: ["the three mile island owner", "the largest us nuclear operator", "the biggest us nuclear operator"] },
  { name: "Talen Energy", aliases: ["talen"], tickers: ["tln"] },
  { name: "X-energy", aliases: ["x energy", "xe-100"] },
  { name: "Kairos Power" },
  { name: "NuScale", aliases: ["nuscale power"] },
  { name: "Oklo", tickers: ["oklo"] },
  { name: "Vistra", tickers: ["vst"] },
  { name: "NextEra", aliases: ["nextera energy"], caseSensitive: ["NEE"], tickers: ["NEE"] },
  { name: "Silver Lake", aliases: ["silver lake partners"] },
  { name: "KKR", aliases: ["kohlberg kravis roberts"] },
  { name: "US government", aliases: ["us govt", "u.s. govt", "the feds", "federal govt", "u.s. government", "us government", "united states government", "federal government"], nicknames: ["washington", "uncle sam", "the white house", "white house", "the trump administration", "trump administration", "the biden administration", "biden administration", "the administration", "commerce department", "the commerce department"], people: ["howard lutnick", "lutnick", "donald trump", "president trump", "joe biden", "president biden", "gina raimondo", "raimondo"] },
  { name: "European Commission", aliases: ["eu commission"], nicknames: ["brussels"], people: ["margrethe vestager", "vestager", "teresa ribera", "ursula von der leyen", "von der leyen"] },
  { name: "FTC", aliases: ["federal trade commission"] },
  { name: "DOJ", aliases: ["justice department", "department of justice"] },
];

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
  /**
   * Names that are ordinary words in lower case ("Arm", "X"): matched only as written. Where chat's lower
   * case means the company all the same ("inflection", "thrive"), the word is also a one-word nickname.
   */
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
  /**
   * Its products with names of their own ("gorilla glass", "trainium"): a question naming one is about the
   * maker's stories (companyFit.ts), without the maker's name searched. Questions only.
   */
  products?: string[];
}

export const COMPANY_TABLE: CompanyEntry[] = [
  { name: "OpenAI", aliases: ["oai", "open ai", "chatgpt"], nicknames: ["the chatgpt maker", "chatgpt maker", "chatgpt developer", "gpt maker", "the gpt-5 maker", "sora maker"], people: ["sam altman", "altman", "sama", "greg brockman", "brockman", "sarah friar", "fidji simo"], products: ["sora", "dall-e", "gpt-4", "gpt-4o", "gpt-5"] },
  { name: "Amazon", aliases: ["aws", "amazon web services", "amazon.com"], tickers: ["amzn"], nicknames: ["the e-commerce giant", "the ecommerce giant", "the online retailer", "the retail giant", "the everything store", "the seattle company", "the kindle maker", "alexa maker", "the biggest cloud provider"], people: ["andy jassy", "jassy", "jeff bezos", "bezos", "matt garman", "garman"], products: ["trainium", "inferentia", "graviton", "alexa", "kuiper"] },
  { name: "Google", aliases: ["alphabet", "google cloud", "google deepmind", "deepmind", "gemini"], tickers: ["goog", "googl"], nicknames: ["the search giant", "the search company", "the search engine giant", "mountain view", "the gemini maker", "the youtube owner", "the android maker", "the chrome maker", "the pixel maker", "the bard maker", "the google parent", "googles parent", "google's parent"], people: ["sundar pichai", "pichai", "sundar", "demis hassabis", "hassabis", "thomas kurian", "kurian", "ruth porat"], products: ["ironwood", "trillium", "tpu", "tpus"] },
  { name: "Meta", aliases: ["facebook", "meta platforms"], tickers: ["fb"], nicknames: ["the facebook parent", "facebook parent", "the instagram owner", "instagram owner", "the whatsapp owner", "menlo park", "the llama developer", "the llama maker", "llama maker", "the social media giant", "the social network"], people: ["mark zuckerberg", "zuckerberg", "zuck"], products: ["llama", "ray-ban meta"] },
  { name: "Microsoft", aliases: ["msft", "azure", "microsoft azure"], nicknames: ["the windows maker", "windows maker", "the xbox maker", "the redmond company", "the redmond giant", "redmond", "the office maker", "the copilot maker", "the bing owner", "the github owner", "the linkedin owner", "the teams maker", "the software giant", "the software maker"], people: ["satya nadella", "nadella", "satya", "bill gates", "brad smith", "mustafa suleyman", "suleyman", "amy hood"], products: ["copilot", "xbox", "maia", "bing"] },
  { name: "Nvidia", aliases: ["nvda"], nicknames: ["the gpu giant", "gpu giant", "the gpu maker", "gpu maker", "the graphics chip maker", "the graphics card maker", "the graphics processor maker", "the geforce maker", "team green", "the ai chip giant", "the ai chip leader", "the cuda company", "the h100 maker", "the blackwell maker"], people: ["jensen huang", "jensen", "huang"], products: ["h100", "h200", "h20", "b200", "b300", "gb200", "gb300", "blackwell", "hopper", "cuda", "geforce", "dgx", "nvlink"] },
  { name: "AMD", aliases: ["advanced micro devices"], nicknames: ["team red", "the ryzen maker", "the instinct maker", "the epyc maker", "the radeon maker", "the mi300 maker"], people: ["lisa su"], products: ["mi300x", "mi308", "mi325x", "mi350", "mi355x", "mi400", "mi450", "epyc", "ryzen", "radeon"] },
  { name: "Intel", tickers: ["intc"], nicknames: ["chipzilla", "team blue", "the pentium maker", "the xeon maker", "the x86 giant"], people: ["lip-bu tan", "lip bu tan", "pat gelsinger", "gelsinger"], products: ["xeon", "gaudi", "18a", "14a"] },
  { name: "Broadcom", aliases: ["avgo"], nicknames: ["the vmware owner", "the vmware parent"], people: ["hock tan"] },
  { name: "Oracle", aliases: ["oracle cloud", "oci"], tickers: ["orcl"], nicknames: ["big red", "the database giant", "the database company"], people: ["larry ellison", "ellison", "safra catz", "catz", "clay magouyrk", "magouyrk", "mike sicilia"] },
  { name: "Anthropic", aliases: ["claude"], nicknames: ["the claude maker", "claude maker", "the claude developer", "claude developer", "the claude company"], people: ["dario amodei", "amodei", "dario", "daniela amodei"] },
  { name: "CoreWeave", aliases: ["core weave"], tickers: ["crwv"], nicknames: ["the gpu landlord"], people: ["michael intrator", "intrator"] },
  { name: "SoftBank", aliases: ["softbank group", "soft bank"], tickers: ["sftby"], people: ["masayoshi son", "masa son", "masa"], nicknames: ["the japanese conglomerate", "the japanese investor", "the vision fund", "the japanese tech investor", "the japanese tech group"] },
  { name: "TSMC", aliases: ["taiwan semiconductor", "taiwan semiconductor manufacturing"], tickers: ["tsm"], nicknames: ["the taiwanese chipmaker", "taiwans chipmaker", "taiwan's chipmaker", "the contract chipmaker", "the foundry giant", "the worlds largest chipmaker", "the world's largest chipmaker", "the biggest contract chipmaker"], people: ["c.c. wei", "cc wei", "morris chang"] },
  { name: "Apple", tickers: ["aapl"], nicknames: ["the mac maker", "the ipad maker", "the iphone maker", "iphone maker", "cupertino", "the cupertino company", "the cupertino giant", "the iphone giant"], people: ["tim cook"], products: ["iphone", "ipad", "macbook", "siri", "vision pro"] },
  { name: "xAI", aliases: ["grok", "x.ai"], nicknames: ["the grok maker", "grok maker", "musk's ai company", "elon musk's ai company", "the grok developer"], products: ["colossus"] },
  { name: "X", aliases: ["twitter", "x corp"], caseSensitive: ["X"], nicknames: ["the platform formerly known as twitter"] },
  { name: "Tesla", tickers: ["tsla"], nicknames: ["the ev maker", "the electric car maker", "musk's carmaker", "the ev giant"] },
  { name: "Scale AI", nicknames: ["the data labeling startup", "the data-labeling startup", "the data labelling startup"] },
  { name: "Blue Owl", aliases: ["blue owl capital"], caseSensitive: ["OWL"], tickers: ["OWL"], people: ["doug ostrover", "marc lipschultz"] },
  { name: "Nebius", aliases: ["nebius group"], tickers: ["nbis"], people: ["arkady volozh", "volozh"] },
  { name: "Inflection AI", aliases: ["inflection ai"], caseSensitive: ["Inflection"], nicknames: ["inflection", "the pi chatbot maker"], people: ["sean white"] },
  { name: "Activision Blizzard", aliases: ["activision", "blizzard"], tickers: ["atvi"], nicknames: ["the call of duty maker", "the call of duty publisher"] },
  { name: "VMware", aliases: ["vm ware"], tickers: ["vmw"] },
  { name: "Cisco", tickers: ["csco"], nicknames: ["the webex maker", "the networking giant"], people: ["chuck robbins"] },
  { name: "Splunk", tickers: ["splk"] },
  { name: "HPE", aliases: ["hewlett packard enterprise", "hewlett-packard enterprise"], people: ["antonio neri"] },
  { name: "Juniper Networks", aliases: ["juniper"], tickers: ["jnpr"], people: ["rami rahim"] },
  { name: "Wiz", nicknames: ["the israeli cloud security startup"] },
  { name: "Windsurf", aliases: ["codeium"] },
  { name: "Cognition", aliases: ["cognition ai"], caseSensitive: ["Cognition"], nicknames: ["cognition", "the devin maker"], people: ["scott wu"] },
  { name: "Run:ai", aliases: ["runai", "run ai"] },
  { name: "ZT Systems" },
  { name: "Sanmina", tickers: ["sanm"] },
  { name: "Core Scientific", tickers: ["corz"] },
  { name: "MGX", people: ["sheikh tahnoon", "tahnoon bin zayed"] },
  { name: "ICONIQ", aliases: ["iconiq capital", "iconiq growth"] },
  { name: "Mistral AI", aliases: ["mistral"], nicknames: ["the french ai startup", "the french ai lab", "the paris ai startup", "the le chat maker"], people: ["arthur mensch", "mensch"] },
  { name: "ASML", people: ["christophe fouquet", "fouquet", "peter wennink", "wennink"], nicknames: ["the lithography giant", "the euv maker", "the dutch chip equipment maker", "the dutch chip toolmaker"] },
  { name: "Samsung", aliases: ["samsung electronics"], people: ["lee jae-yong", "jay y. lee", "jay y lee"], nicknames: ["the galaxy maker", "the korean electronics giant"] },
  { name: "SK Hynix", aliases: ["sk hynix", "hynix"] },
  { name: "Micron", caseSensitive: ["MU"], tickers: ["MU"], people: ["sanjay mehrotra"], nicknames: ["the boise chipmaker", "the idaho chipmaker"] },
  { name: "Qualcomm", tickers: ["qcom"], nicknames: ["the snapdragon maker", "the smartphone chipmaker"], people: ["cristiano amon", "amon"], products: ["snapdragon"] },
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
  { name: "Foxconn", aliases: ["hon hai", "hon hai precision"], tickers: ["hnhpf"], nicknames: ["the iphone assembler", "apple's assembler", "the taiwanese electronics maker", "the world's largest electronics maker", "the contract electronics maker"], people: ["young liu", "terry gou"] },
  { name: "Synopsys", tickers: ["snps"], people: ["sassine ghazi"] },
  { name: "Ansys", tickers: ["anss"] },
  { name: "HashiCorp", caseSensitive: ["HCP"], tickers: ["HCP"], nicknames: ["the terraform maker", "the terraform company"] },
  { name: "Informatica", tickers: ["infa"] },
  { name: "Cohere", nicknames: ["the canadian ai startup", "the toronto ai startup"] },
  { name: "Hugging Face", nicknames: ["the ai model hub"] },
  { name: "Stability AI", nicknames: ["the stable diffusion maker"] },
  { name: "Palantir", tickers: ["pltr"], people: ["alex karp", "karp"] },
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
  { name: "Kairos Power", aliases: ["kairos"] },
  { name: "NuScale", aliases: ["nuscale power"] },
  { name: "Oklo", tickers: ["oklo"] },
  { name: "Vistra", tickers: ["vst"] },
  { name: "NextEra", aliases: ["nextera energy"], caseSensitive: ["NEE"], tickers: ["NEE"] },
  { name: "Silver Lake", aliases: ["silver lake partners"] },
  { name: "KKR", aliases: ["kohlberg kravis roberts"] },
  { name: "Pentagon", aliases: ["the pentagon", "department of defense", "defense department", "us defense department", "u.s. defense department", "dod", "department of war", "war department"], nicknames: ["the military", "the us military", "the u.s. military", "the american military", "the armed forces"], people: ["pete hegseth", "hegseth", "lloyd austin"] },
  { name: "General Motors", tickers: ["gm"], nicknames: ["the detroit automaker", "the chevrolet maker", "the chevy maker", "the cadillac maker"], people: ["mary barra", "barra"] },
  { name: "Corning", tickers: ["glw"], nicknames: ["the gorilla glass maker", "the glassmaker", "the glass maker", "the fiber optic cable maker"], people: ["wendell weeks"], products: ["gorilla glass"] },
  { name: "MP Materials", caseSensitive: ["MP"], tickers: ["MP"], nicknames: ["the rare earth miner", "the rare earths miner", "the rare earth producer", "the mountain pass miner", "the magnet maker"], people: ["james litinsky", "litinsky"] },
  { name: "Nscale", nicknames: ["the british ai cloud startup", "the uk ai cloud startup", "the british neocloud", "the uk neocloud"], people: ["josh payne"] },
  { name: "FTX", aliases: ["ftx trading", "ftx estate"], nicknames: ["the bankrupt crypto exchange", "the collapsed crypto exchange", "the failed crypto exchange"], people: ["sam bankman-fried", "bankman-fried", "sbf", "john ray"] },
  { name: "Cadence", aliases: ["cadence design systems", "cadence design"], caseSensitive: ["Cadence"], tickers: ["cdns"], nicknames: ["the chip design software maker", "the eda company"], people: ["anirudh devgan", "devgan"] },
  { name: "Deutsche Telekom", aliases: ["telekom", "t-systems"], tickers: ["dtegy"], nicknames: ["the german telecom giant", "the german telco", "the german carrier", "the t-mobile parent", "the t-mobile owner"], people: ["tim hottges", "tim höttges", "hottges", "höttges"] },
  { name: "T-Mobile", aliases: ["t-mobile us", "tmobile"], tickers: ["tmus"], nicknames: ["the un-carrier", "the uncarrier"], people: ["srini gopalan", "mike sievert"] },
  { name: "Nokia", tickers: ["nok"], nicknames: ["the finnish telecom equipment maker", "the finnish network equipment maker"], people: ["justin hotard", "pekka lundmark"] },
  { name: "Coatue", aliases: ["coatue management"], people: ["philippe laffont", "laffont"] },
  { name: "Bharti Airtel", aliases: ["airtel"], nicknames: ["the indian telecom operator", "the indian carrier"], people: ["sunil mittal", "gopal vittal"] },
  { name: "Adani", aliases: ["adani group", "adaniconnex", "adani enterprises"], people: ["gautam adani"] },
  { name: "Reliance", aliases: ["reliance industries", "reliance jio", "jio"], caseSensitive: ["Reliance"], people: ["mukesh ambani", "ambani"] },
  { name: "Marvell", aliases: ["marvell technology"], tickers: ["mrvl"], people: ["matt murphy"] },
  { name: "Applied Materials", tickers: ["amat"], people: ["gary dickerson"], nicknames: ["the biggest us chip equipment maker", "the american chip equipment maker"] },
  { name: "Lam Research", tickers: ["lrcx"], people: ["tim archer"] },
  { name: "GlobalFoundries", aliases: ["global foundries"], tickers: ["gfs"], people: ["tim breen", "thomas caulfield"] },
  { name: "Texas Instruments", tickers: ["txn"], people: ["haviv ilan"] },
  { name: "Infineon", aliases: ["infineon technologies"], tickers: ["ifnny"], nicknames: ["the german chipmaker"], people: ["jochen hanebeck"] },
  { name: "NXP", aliases: ["nxp semiconductors"], tickers: ["nxpi"], nicknames: ["the dutch chipmaker"], people: ["kurt sievers", "rafael sotomayor"] },
  { name: "STMicroelectronics", aliases: ["stmicro", "st micro"], tickers: ["stm"], nicknames: ["the franco-italian chipmaker"], people: ["jean-marc chery"] },
  { name: "Bosch", aliases: ["robert bosch"] },
  { name: "Graphcore", nicknames: ["the bristol chip startup", "the british ai chip startup"], people: ["nigel toon"] },
  { name: "Ampere Computing", aliases: ["ampere computing"], people: ["renee james"] },
  { name: "Silo AI", aliases: ["silo ai"], nicknames: ["the finnish ai lab", "the helsinki ai lab"], people: ["peter sarlin"] },
  { name: "G42", nicknames: ["the abu dhabi ai company", "the emirati ai company", "the uae ai company"], people: ["peng xiao"] },
  { name: "Fluidstack", aliases: ["fluid stack"] },
  { name: "Confluent", caseSensitive: ["Confluent"], nicknames: ["confluent"], tickers: ["cflt"], people: ["jay kreps"] },
  { name: "ServiceNow", aliases: ["service now"], caseSensitive: ["NOW"], tickers: ["NOW"], people: ["bill mcdermott"] },
  { name: "Moveworks" },
  { name: "Statsig", people: ["vijaye raji"] },
  { name: "MosaicML", aliases: ["mosaic ml"], people: ["naveen rao"] },
  { name: "Blackstone", tickers: ["bx"], people: ["stephen schwarzman", "schwarzman", "jon gray"] },
  { name: "Brookfield", aliases: ["brookfield asset management", "brookfield renewable"], caseSensitive: ["BAM"], tickers: ["BAM"], people: ["bruce flatt", "connor teskey"] },
  { name: "Apollo", aliases: ["apollo global", "apollo global management"], caseSensitive: ["Apollo"], nicknames: ["apollo"], tickers: ["apo"], people: ["marc rowan"] },
  { name: "Equinix", tickers: ["eqix"], people: ["adaire fox-martin"] },
  { name: "Digital Realty", tickers: ["dlr"], people: ["andy power"] },
  { name: "Vertiv", tickers: ["vrt"], people: ["giordano albertazzi"] },
  { name: "Arista", aliases: ["arista networks"], tickers: ["anet"], people: ["jayshree ullal", "ullal"] },
  { name: "Lenovo", people: ["yang yuanqing"] },
  { name: "Sony", tickers: ["sony"], nicknames: ["the playstation maker"], people: ["kenichiro yoshida", "hiroki totoki"] },
  { name: "SAP", tickers: ["SAP"], caseSensitive: ["SAP"], nicknames: ["the german software giant"], people: ["christian klein"] },
  { name: "Accenture", tickers: ["acn"], people: ["julie sweet"] },
  { name: "SpaceX", aliases: ["space x", "starlink"], nicknames: ["the rocket company", "the starlink operator"], people: ["gwynne shotwell"] },
  { name: "Anduril", aliases: ["anduril industries"], nicknames: ["the defense tech startup"], people: ["palmer luckey"] },
  { name: "Safe Superintelligence", aliases: ["ssi"], people: ["ilya sutskever", "sutskever"] },
  { name: "Thinking Machines Lab", aliases: ["thinking machines"], people: ["mira murati", "murati"] },
  { name: "Anysphere", caseSensitive: ["Cursor"], nicknames: ["the cursor maker"], people: ["michael truell"] },
  { name: "Andreessen Horowitz", aliases: ["a16z", "andreessen"], people: ["marc andreessen", "ben horowitz"] },
  { name: "Sequoia", aliases: ["sequoia capital"], people: ["roelof botha"] },
  { name: "Thrive Capital", caseSensitive: ["Thrive"], nicknames: ["thrive"], people: ["josh kushner"] },
  { name: "Mubadala", people: ["khaldoon al mubarak"] },
  { name: "Temasek" },
  { name: "SMIC", aliases: ["semiconductor manufacturing international"], nicknames: ["china's biggest chipmaker", "the chinese foundry"] },
  { name: "US government", aliases: ["us govt", "u.s. govt", "the feds", "federal govt", "u.s. government", "us government", "united states government", "federal government"], nicknames: ["washington", "uncle sam", "the white house", "white house", "the trump administration", "trump administration", "the biden administration", "biden administration", "the administration", "commerce department", "the commerce department"], people: ["howard lutnick", "lutnick", "donald trump", "president trump", "joe biden", "president biden", "gina raimondo", "raimondo"] },
  { name: "European Commission", aliases: ["eu commission"], nicknames: ["brussels", "the eu competition watchdog", "the eu antitrust watchdog", "the eu antitrust regulator", "the eu executive"], people: ["margrethe vestager", "vestager", "teresa ribera", "ribera", "ursula von der leyen", "von der leyen"] },
  { name: "FTC", aliases: ["federal trade commission"], nicknames: ["the us consumer watchdog", "the consumer protection agency", "the us competition watchdog"], people: ["lina khan", "andrew ferguson"] },
  { name: "DOJ", aliases: ["justice department", "department of justice", "us justice department"], nicknames: ["the us antitrust enforcer", "the antitrust division", "federal prosecutors"], people: ["merrick garland", "pam bondi", "gail slater", "jonathan kanter"] },
  { name: "CMA", aliases: ["competition and markets authority", "uk competition and markets authority"], nicknames: ["the british competition watchdog", "the uk competition watchdog", "the british antitrust regulator", "the uk antitrust regulator", "the uk regulator", "the british regulator"], people: ["sarah cardell"] },
  { name: "SEC", aliases: ["securities and exchange commission"], nicknames: ["the securities regulator", "the us securities regulator", "the wall street regulator"], people: ["gary gensler", "paul atkins"] },
  { name: "FCC", aliases: ["federal communications commission"], nicknames: ["the telecom regulator", "the us telecom regulator"], people: ["brendan carr"] },
];

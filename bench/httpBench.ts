// `npm run bench:http`: only the load run, over the gateway and over the Interactions Endpoint, side by side.
import { loadRow, loadRun, syntheticIndex } from "./load.js";

const corpus = syntheticIndex(10_000);
const options = { count: 1000, users: 50, seconds: 10 };
const gateway = await loadRun(corpus, options);
const http = await loadRun(corpus, options, "http");
console.log("Load: 1,000 interactions from 50 users over 10 s on 10,000 synthetic articles, through the stand-in");
console.table([loadRow(gateway), loadRow(http)]);
console.log(JSON.stringify({ gateway, http }));

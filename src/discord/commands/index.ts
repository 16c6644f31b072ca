import { askCommand } from "./ask.js";
import { dealCommand } from "./deal.js";
import { feedCommand } from "./feed.js";
import { latestCommand } from "./latest.js";
import { subscribeCommand } from "./subscribe.js";
import { subscriptionCommand } from "./subscription.js";
import { subscriptionsCommand } from "./subscriptions.js";
import { summaryCommand } from "./summary.js";
import { unsubscribeCommand } from "./unsubscribe.js";
import type { Command } from "./types.js";

/** Every slash command: the one list the bot, the deploy script and the local console all use. */
export const COMMANDS: readonly Command[] = [
  askCommand,
  dealCommand,
  summaryCommand,
  latestCommand,
  subscribeCommand,
  unsubscribeCommand,
  subscriptionsCommand,
  subscriptionCommand,
  feedCommand,
];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.definition.name === name);
}

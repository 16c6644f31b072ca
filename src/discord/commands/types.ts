import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import type { Answer } from "../../answers/answer.js";
import type { Delivery } from "../../delivery/delivery.js";
import type { FeedPoller } from "../../feeds/poller.js";
import type { SearchableIndex } from "../../search/newsIndex.js";

/** The options of one invocation, however it arrived (a Discord interaction or a line typed in the console). */
export interface CommandInput {
  string(name: string): string | null;
  integer(name: string): number | null;
  boolean(name: string): boolean | null;
  /** A channel option's channel id. */
  channel(name: string): string | null;
  /** The chosen subcommand, for commands that have them. */
  subcommand(): string | null;
}

/** Where a command runs, for the commands that manage a server's subscriptions. */
export interface GuildContext {
  guildId: string;
  userId: string;
  /** Whether the member running the command has Manage Channels (checked again here, not only by Discord). */
  memberCanManageChannels: boolean;
  /** Whether the member has Manage Server, which feeds need. */
  memberCanManageServer: boolean;
  /** Whether Newsdesk can post in a channel; when not, which permission is missing, in words. */
  checkChannel(channelId: string): Promise<{ ok: true } | { ok: false; reason: string }>;
}

export interface CommandContext {
  /** The articles the asker's server may see. */
  index: SearchableIndex;
  /** Channel subscriptions; absent where they are not available. */
  delivery?: Delivery;
  /** Feed polling; absent where it is not available. */
  feeds?: FeedPoller;
  /** Absent in direct messages. */
  guild?: GuildContext;
}

/** What a command answers: data to render, and whether only the asker should see it. */
export interface CommandResult {
  answer: Answer;
  ephemeral: boolean;
}

/** An autocomplete suggestion: at most 100 characters each for name and value. */
export interface Choice {
  name: string;
  value: string;
}

/** One slash command: its definition (registered with Discord as is) and what runs it. */
export interface Command {
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Answers only the user, always (server management); other commands have a `private` option instead. */
  alwaysPrivate?: boolean;
  /** Waits on the network (DNS, Discord): the reply is deferred first, so Discord's 3 seconds never run out. */
  mayBeSlow?: boolean;
  execute(input: CommandInput, context: CommandContext): CommandResult | Promise<CommandResult>;
  autocomplete?(focused: { name: string; value: string }, context: CommandContext): Choice[] | Promise<Choice[]>;
}

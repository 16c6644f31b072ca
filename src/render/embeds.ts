import type { Article, Deal } from "../articles/article.js";
import { LIMITS, truncate } from "./limits.js";
import { BRAND_COLOR, type MessageEmbed } from "./message.js";
import { outletOf, safeText, safeUrl } from "./safeText.js";

/** Longest key point shown in full; longer ones are cut so several fit in one embed. */
export const MAX_POINT_LENGTH = 500;

/** The embed for one article: its title linked to the source, the given key points as a list, date and outlet. */
export function articleEmbed(article: Article, keyPoints: string[], extra: { summary?: boolean; deal?: Deal | null; mentions?: string[] } = {}): MessageEmbed {
  const url = safeUrl(article.url) ?? undefined;
  const parts: string[] = [];
  if (extra.deal !== undefined) parts.push(dealLine(extra.deal, extra.mentions));
  if (extra.summary && article.summary) parts.push(truncate(safeText(article.summary), 1500));
  if (keyPoints.length) parts.push(keyPoints.map((point) => `• ${truncate(safeText(point), MAX_POINT_LENGTH)}`).join("\n"));
  const footer = [url ? outletOf(url) : null, article.date].filter(Boolean).join(" · ");
  const embed: MessageEmbed = {
    title: truncate(safeText(article.title), LIMITS.embedTitle),
    description: truncate(parts.join("\n\n"), LIMITS.embedDescription),
    color: BRAND_COLOR,
  };
  if (url) embed.url = url;
  if (footer) embed.footer = { text: truncate(footer, LIMITS.footer) };
  return embed;
}

const KIND_LABEL: Record<Deal["kind"], string> = {
  acquisition: "Acquisition",
  investment: "Investment",
  compute: "Compute contract",
  supply: "Supply deal",
  partnership: "Partnership",
  settlement: "Settlement",
};

/**
 * "**Compute contract** · OpenAI ↔ Amazon · $38 billion", or "Related news" for non-deal articles. A deal
 * that only mentions the companies asked about says so first: "**Mentions Nvidia** (not a party to this deal)".
 */
export function dealLine(deal: Deal | null, mentions: string[] = []): string {
  if (!deal) return "**Related news** (not a deal)";
  const parties = deal.parties.length ? safeText(deal.parties.join(" ↔ ")) : "parties not named";
  const line = [`**${KIND_LABEL[deal.kind]}**`, parties, deal.amount ? safeText(deal.amount.text) : "amount not disclosed"].join(" · ");
  if (mentions.length === 0) return line;
  const one = mentions.length === 1;
  return `**Mentions ${safeText(mentions.join(" and "))}** (${one ? "not a party" : "none of them a party"} to this deal)\n${line}`;
}

/** Length of an embed as Discord counts it toward the 6,000-character total. */
export function embedLength(embed: MessageEmbed): number {
  const count = (text?: string) => (text ? [...text].length : 0);
  return count(embed.title) + count(embed.description) + count(embed.footer?.text) +
    (embed.fields ?? []).reduce((sum, field) => sum + count(field.name) + count(field.value), 0);
}

/** Shortens descriptions, last embed first, until all embeds together fit Discord's 6,000 characters. */
export function fitEmbeds(embeds: MessageEmbed[]): MessageEmbed[] {
  const fitted = embeds.slice(0, LIMITS.embeds).map((embed) => ({ ...embed }));
  let excess = fitted.reduce((sum, embed) => sum + embedLength(embed), 0) - LIMITS.embedsTotal;
  for (let i = fitted.length - 1; i >= 0 && excess > 0; i--) {
    const embed = fitted[i]!;
    const length = [...(embed.description ?? "")].length;
    const keep = Math.max(0, length - excess);
    embed.description = keep > 1 ? truncate(embed.description!, keep) : undefined;
    excess -= length - (embed.description ? [...embed.description].length : 0);
  }
  return fitted;
}

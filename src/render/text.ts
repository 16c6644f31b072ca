import type { RenderedMessage } from "./message.js";

/**
 * A rendered Discord message as terminal text, for the CLI and the local console: what a Discord user
 * would read, with links written out.
 */
export function messageToText(message: RenderedMessage): string {
  const blocks: string[] = [];
  if (message.content) blocks.push(plain(message.content));
  for (const embed of message.embeds) {
    const lines: string[] = [];
    if (embed.title) lines.push(plain(embed.title));
    if (embed.url) lines.push(embed.url);
    if (embed.description) lines.push(plain(embed.description));
    for (const field of embed.fields ?? []) lines.push(`${plain(field.name)}: ${plain(field.value)}`);
    if (embed.footer) lines.push(`(${embed.footer.text})`);
    blocks.push(lines.join("\n"));
  }
  const buttons = message.components.flatMap((row) => row.components);
  const links = buttons.filter((button) => button.url).map((button) => `${button.label}: ${button.url}`);
  const actions = buttons.filter((button) => !button.url && !button.disabled).map((button) => `[${button.label}]`);
  if (actions.length) blocks.push(`More: ${actions.join("  ")}`);
  if (links.length && message.embeds.length === 0) blocks.push(links.join("\n"));
  return blocks.join("\n\n");
}

/** Markdown a terminal does not render: bold markers go, masked links become "text (url)", zero-width spaces go. */
function plain(text: string): string {
  return text
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/\[([^\]]+)\]\((https?:[^)]+)\)/g, "$1 ($2)")
    .replace(/\u200B/g, "")
    .replace(/<#(\w+)>/g, "#$1")
    .replace(/<t:(\d+)(?::\w)?>/g, (_all, seconds: string) => new Date(Number(seconds) * 1000).toISOString().replace(/\.\d+Z$/, "Z"));
}

/** Text as a regular expression that matches it literally ("amazon.com", "at&t (us)"). */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

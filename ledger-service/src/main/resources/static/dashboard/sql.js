// A small SQL highlighter: splits a script into comments, strings, numbers, keywords and the rest, and returns
// spans with text content only (no innerHTML, so a script can never inject markup).
import { h } from './dom.js';

const KEYWORDS = new Set(`add all alter and as asc begin between by cascade case check column commit concurrently
constraint create default delete desc distinct drop else end enum exists foreign from function grant group having if
in index insert into is join key left limit not null on or order primary references rename replace returning revoke
rollback schema select sequence set table then to transaction trigger truncate type union unique update using values
view when where with`.split(/\s+/));

const TOKEN = /(--[^\n]*|\/\*[\s\S]*?\*\/)|('(?:[^']|'')*'?)|("(?:[^"]|"")*"?)|(\b\d+(?:\.\d+)?\b)|([A-Za-z_][A-Za-z0-9_$]*)/g;

export function highlight(script) {
  const code = h('code', { class: 'sql' });
  let last = 0;
  for (const match of script.matchAll(TOKEN)) {
    if (match.index > last) code.append(script.slice(last, match.index));
    code.append(piece(match));
    last = match.index + match[0].length;
  }
  code.append(script.slice(last));
  return h('pre', { class: 'script', tabindex: '0' }, code);
}

function piece(match) {
  const [text, comment, string, quoted, number, word] = match;
  if (comment) return h('span', { class: 'sql-comment' }, text);
  if (string) return h('span', { class: 'sql-string' }, text);
  if (quoted) return h('span', { class: 'sql-identifier' }, text);
  if (number) return h('span', { class: 'sql-number' }, text);
  if (word && KEYWORDS.has(word.toLowerCase())) return h('span', { class: 'sql-keyword' }, text);
  return text;
}

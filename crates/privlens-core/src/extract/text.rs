//! Line-based reading of Markdown and plain-text dumps of pages.

use super::{Block, BlockKind, Extracted, decode_entities, normalize_space};

/// Below this many lines one thread reads them all; above it, two read a half each.
const LINES_PER_THREAD: usize = 4_000;

pub fn extract_lines(input: &str, markdown: bool) -> Extracted {
    let mut out = Extracted::default();
    // Markdown tables break lines inside a cell with `<br>`: each piece is a line of its own.
    let mut lines: Vec<&str> = Vec::new();
    for line in input.lines() {
        if markdown && line.contains('<') {
            lines.extend(split_at_line_breaks(line));
        } else {
            lines.push(line);
        }
    }
    let start = if markdown { read_front_matter(&lines, &mut out) } else { 0 };
    let lines = &lines[start..];
    // The reading starts afresh at every empty line (no heading underline, no wrapped
    // paragraph runs across one), so a long page is cut at one and its halves read at once.
    let (first, second) = lines.split_at(half_at_empty_line(lines));
    let (mut blocks, mut tail) = (Vec::new(), Vec::new());
    crate::parallel::share(
        !second.is_empty(),
        vec![Box::new(|| blocks = read_blocks(first, markdown)), Box::new(|| tail = read_blocks(second, markdown))],
    );
    blocks.append(&mut tail);
    if !markdown {
        promote_plain_headings(&mut blocks);
    }
    out.blocks = blocks;
    out
}

/// Where to cut `lines` in two: just after an empty line near the middle, or at the end when
/// there are too few lines to share (or no empty line).
fn half_at_empty_line(lines: &[&str]) -> usize {
    if lines.len() < 2 * LINES_PER_THREAD {
        return lines.len();
    }
    lines[lines.len() / 2..].iter().position(|l| l.trim().is_empty()).map_or(lines.len(), |p| lines.len() / 2 + p + 1)
}

/// The blocks of a run of lines.
fn read_blocks(lines: &[&str], markdown: bool) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let raw = lines[i].trim_end();
        let trimmed = raw.trim();
        i += 1;
        if trimmed.is_empty() || is_rule(trimmed) {
            continue;
        }
        // Setext heading: a line underlined with === or ---.
        if markdown && i < lines.len() && is_setext_underline(lines[i].trim()) {
            let level = if lines[i].trim().starts_with('=') { 1 } else { 2 };
            blocks.push(Block::new(BlockKind::Heading(level), clean_inline(trimmed)));
            i += 1;
            continue;
        }
        let mut block = classify_line(trimmed, markdown);
        if block.text.is_empty() {
            continue;
        }
        // Plain-text paragraphs wrapped over several lines: join continuation lines.
        if !markdown && block.kind == BlockKind::Paragraph {
            while i < lines.len() && continues(&block.text, lines[i].trim()) {
                block.text.push(' ');
                block.text.push_str(&normalize_space(lines[i].trim()));
                i += 1;
            }
        }
        blocks.push(block);
    }
    blocks
}

/// A line cut at its `<br>`, `<br/>` and `<br />` tags (any case).
fn split_at_line_breaks(line: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut start, mut from) = (0, 0);
    while let Some(found) = line.as_bytes()[from..].windows(3).position(|w| w.eq_ignore_ascii_case(b"<br")) {
        let at = from + found;
        let tail = &line[at + 3..];
        let inside = tail.len() - tail.trim_start_matches([' ', '/']).len();
        from = at + 3;
        if tail[inside..].starts_with('>') {
            parts.push(&line[start..at]);
            start = at + 3 + inside + 1;
            from = start;
        }
    }
    parts.push(&line[start..]);
    parts
}

fn read_front_matter(lines: &[&str], out: &mut Extracted) -> usize {
    if lines.first().map(|l| l.trim()) != Some("---") {
        return 0;
    }
    for (n, line) in lines.iter().enumerate().skip(1) {
        let line = line.trim();
        if line == "---" {
            return n + 1;
        }
        if let Some(title) = line.strip_prefix("title:") {
            out.title = Some(title.trim().trim_matches('"').to_string());
        }
    }
    0
}

fn is_rule(line: &str) -> bool {
    line.len() >= 3 && line.chars().all(|c| matches!(c, '-' | '*' | '_' | ' ' | '='))
}

fn is_setext_underline(line: &str) -> bool {
    line.len() >= 3 && (line.chars().all(|c| c == '=') || line.chars().all(|c| c == '-'))
}

fn classify_line(line: &str, markdown: bool) -> Block {
    if markdown {
        let hashes = line.chars().take_while(|c| *c == '#').count();
        if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
            let text = clean_inline(line[hashes..].trim().trim_end_matches('#'));
            return Block::new(BlockKind::Heading(hashes as u8), text);
        }
    }
    let body = line.trim_start_matches('>').trim();
    if let Some(item) = strip_bullet(body) {
        // (A list inside a table cell ends with the cell's pipe.)
        let mut block = Block::new(BlockKind::ListItem, clean_inline(&item.replace('|', " ")));
        block.link_only = markdown && is_link_only(item);
        if markdown && is_bold_only(item) && word_count(&block.text) <= 12 {
            block.kind = BlockKind::Heading(3);
        }
        return block;
    }
    let text = clean_inline(&body.replace('|', " "));
    let mut block = Block::new(BlockKind::Paragraph, text);
    block.link_only = markdown && is_link_only(body);
    if markdown && is_bold_only(strip_number(body)) && word_count(&block.text) <= 14 {
        block.kind = BlockKind::Heading(3);
    }
    block
}

fn strip_bullet(line: &str) -> Option<&str> {
    for bullet in ["* ", "- ", "+ ", "• ", "· ", "– "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return Some(rest.trim());
        }
    }
    None
}

/// "1\." "4.1" "a)" "(一)" "IV." and the like at the start of a line.
pub fn numbering_len(line: &str) -> usize {
    let bytes: Vec<char> = line.chars().take(12).collect();
    let mut i = 0;
    if let Some(close) = match bytes.first() {
        Some('(') => Some(')'),
        Some('（') => Some('）'),
        _ => None,
    } {
        let close = bytes.iter().position(|c| *c == close).filter(|p| *p <= 5);
        return close.map_or(0, |p| bytes[..=p].iter().map(|c| c.len_utf8()).sum());
    }
    if let Some(n) = east_asian_numbering(&bytes) {
        return bytes[..n].iter().map(|c| c.len_utf8()).sum();
    }
    while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == '.' || bytes[i] == '\\') {
        i += 1;
    }
    if i == 0 {
        let roman = bytes.iter().take_while(|c| matches!(c, 'I' | 'V' | 'X')).count();
        let letter = usize::from(bytes.first().is_some_and(|c| c.is_ascii_lowercase()));
        let n = if roman > 0 { roman } else { letter };
        if n > 0 && matches!(bytes.get(n), Some('.') | Some(')')) && bytes.get(n + 1) == Some(&' ') {
            return n + 1;
        }
        return 0;
    }
    if matches!(bytes.get(i), Some(')')) {
        i += 1;
    }
    let has_digit = bytes[..i].iter().any(|c| c.is_ascii_digit());
    if has_digit && matches!(bytes.get(i), Some(' ') | None) { i } else { 0 }
}

/// Chinese, Japanese and Korean numbering, in characters: "一、", "3、", "2．", "第二条",
/// "第3章", "제1조".
fn east_asian_numbering(chars: &[char]) -> Option<usize> {
    let is_numeral = |c: &char| c.is_ascii_digit() || "一二三四五六七八九十百".contains(*c);
    let (first, rest) = chars.split_first()?;
    if matches!(first, '第' | '제') {
        let n = rest.iter().take_while(|c| is_numeral(c)).count();
        let unit = rest.get(n).is_some_and(|c| "条條章节節部조장절".contains(*c));
        return (n > 0 && unit).then_some(n + 2);
    }
    let n = chars.iter().take_while(|c| is_numeral(c)).count();
    (n > 0 && n <= 4 && matches!(chars.get(n), Some('、' | '．'))).then_some(n + 1)
}

fn strip_number(line: &str) -> &str {
    line[numbering_len(line)..].trim()
}

fn is_bold_only(s: &str) -> bool {
    let s = s.trim();
    (s.starts_with("**") && s.ends_with("**") && s.len() > 4) || (s.starts_with("__") && s.ends_with("__") && s.len() > 4)
}

/// A line made of links and separators only (a menu row).
fn is_link_only(s: &str) -> bool {
    if !s.contains("](") {
        return false;
    }
    let mut rest = s.to_string();
    while let Some(open) = rest.find('[') {
        let Some(mid) = rest[open..].find("](").map(|p| open + p) else { break };
        let Some(close) = rest[mid..].find(')').map(|p| mid + p) else { break };
        rest.replace_range(open..=close, " ");
    }
    rest.chars().all(|c| !c.is_alphanumeric())
}

/// Remove Markdown inline syntax: links keep their text, images go, emphasis marks go.
pub fn clean_inline(s: &str) -> String {
    // Most lines hold no inline markup: only those that do are read a character at a time.
    if !s.bytes().any(|b| matches!(b, b'\\' | b'!' | b'[' | b'<' | b'*' | b'_' | b'`')) {
        return normalize_space(&decode_entities(s));
    }
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() {
            out.push(chars[i + 1]);
            i += 2;
            continue;
        }
        if c == '!'
            && chars.get(i + 1) == Some(&'[')
            && let Some(end) = link_end(&chars, i + 1)
        {
            i = end;
            continue;
        }
        if c == '['
            && let Some(end) = link_end(&chars, i)
        {
            let text_end = chars[i..].iter().position(|c| *c == ']').map_or(i, |p| i + p);
            let inner: String = chars[i + 1..text_end].iter().collect();
            let shown = clean_inline(&inner);
            out.push_str(&shown);
            let target: String = chars[(text_end + 2).min(end)..end.saturating_sub(1).max(text_end + 2)].iter().collect();
            if let Some(address) = mailto_address(&target).filter(|a| !shown.contains(a.as_str())) {
                out.push_str(&format!(" ({address})"));
            }
            i = end;
            continue;
        }
        if c == '<' {
            // Autolinks <https://x> and <python.org> keep their text.
            if let Some(p) = chars[i..chars.len().min(i + INLINE_REACH)].iter().position(|c| *c == '>') {
                let inner: String = chars[i + 1..i + p].iter().collect();
                if !inner.contains(' ') && inner.contains('.') {
                    out.push_str(&inner);
                    i += p + 1;
                    continue;
                }
            }
        }
        if c == '*' || (c == '_' && (i == 0 || i + 1 == chars.len() || chars[i + 1] == '_' || chars[i - 1] == '_')) || c == '`' {
            i += 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    normalize_space(&decode_entities(&out))
}

/// The address of a `mailto:` link ("mailto:privacy@example.com?subject=Hi"): a link that reads
/// "email us" gives the reader a contact the text alone does not show.
pub fn mailto_address(href: &str) -> Option<String> {
    let href = href.trim();
    let rest = href.get(..7).filter(|p| p.eq_ignore_ascii_case("mailto:")).map(|_| &href[7..])?;
    let address = rest.split(['?', ',']).next().unwrap_or("").trim();
    (address.contains('@') && !address.contains(char::is_whitespace)).then(|| address.to_string())
}

/// How far (in characters) a link's or autolink's end is looked for: they are short, and a line
/// of unmatched brackets must not be searched to its end once per bracket.
const INLINE_REACH: usize = 2_000;

/// For `[text](url)` starting at `open`, the index just past the `)`.
fn link_end(chars: &[char], open: usize) -> Option<usize> {
    let chars = &chars[..chars.len().min(open + INLINE_REACH)];
    let close = open + chars[open..].iter().position(|c| *c == ']')?;
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let mut depth = 0;
    for (k, c) in chars.iter().enumerate().skip(close + 1) {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(k + 1);
                }
            }
            _ => {}
        }
    }
    None
}

fn word_count(s: &str) -> usize {
    crate::script::words(s)
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end().ends_with(['.', '!', '?', ':', ';', '。', '।', '؟', '؛', '"', '”', ')'])
}

/// Whether `next` continues the wrapped paragraph `text`.
fn continues(text: &str, next: &str) -> bool {
    !next.is_empty()
        && !ends_sentence(text)
        && next.chars().next().is_some_and(|c| c.is_lowercase())
        && strip_bullet(next).is_none()
}

/// In plain text, short title-like lines become headings.
fn promote_plain_headings(blocks: &mut [Block]) {
    for n in 0..blocks.len() {
        let next_longer = blocks.get(n + 1).is_some_and(|b| word_count(&b.text) > word_count(&blocks[n].text));
        let b = &mut blocks[n];
        if b.kind == BlockKind::Paragraph && looks_like_heading(&b.text) && next_longer {
            let num = numbering_len(&b.text);
            let dots = b.text[..num].matches('.').filter(|_| true).count();
            b.kind = BlockKind::Heading(if num > 0 && dots >= 2 { 3 } else { 2 });
        }
    }
}

pub fn looks_like_heading(text: &str) -> bool {
    let words = word_count(text);
    if words == 0 || words > 14 || text.chars().count() > 100 {
        return false;
    }
    if text.trim_end().ends_with(['.', ',', ';', '。', '，', '；', '।', '،', '؛']) && !text.trim_end().ends_with("etc.") {
        return false;
    }
    let body = strip_number(text);
    let letters: Vec<char> = body.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() >= 3 && letters.iter().all(|c| !c.is_lowercase());
    let capitalised =
        body.split_whitespace().filter(|w| w.chars().count() > 3).all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()));
    numbering_len(text) > 0 || all_caps || capitalised || text.ends_with('?')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_headings_links_and_escapes() {
        let md = "PRIVACY POLICY\n==========\n\n1\\. **Who are we?**\n\n1.1 We are X LLP. Mail [us](mailto:a@b.c).\n\n* [Forums](https://x/forums/)\n";
        let ex = extract_lines(md, true);
        assert_eq!(ex.blocks[0].kind, BlockKind::Heading(1));
        assert_eq!(ex.blocks[1].kind, BlockKind::Heading(3));
        assert_eq!(ex.blocks[1].text, "1. Who are we?");
        assert_eq!(ex.blocks[2].text, "1.1 We are X LLP. Mail us (a@b.c).");
        assert!(ex.blocks[3].link_only);
    }

    #[test]
    fn line_breaks_in_table_cells_split_lines() {
        let out = extract_lines("| Purpose | We use it to:<br>*   verify your account<br/>*   keep you safe |", true);
        let texts: Vec<&str> = out.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Purpose We use it to:", "verify your account", "keep you safe"]);
        assert_eq!(split_at_line_breaks("a <brand> b"), ["a <brand> b"]);
    }

    #[test]
    fn front_matter_title() {
        let ex = extract_lines("---\ntitle: Privacy Notice\n---\n# Heading\n", true);
        assert_eq!(ex.title.as_deref(), Some("Privacy Notice"));
        assert_eq!(ex.blocks.len(), 1);
    }

    #[test]
    fn plain_text_numbered_headings() {
        let ex = extract_lines("2. Information We Collect\nWe do not collect, store, or transmit your code at all.\n", false);
        assert_eq!(ex.blocks[0].kind, BlockKind::Heading(2));
        assert_eq!(ex.blocks[1].kind, BlockKind::Paragraph);
    }

    #[test]
    fn a_long_page_read_in_two_halves_gives_the_blocks_of_one_reading() {
        let markdown_page = "# Privacy\n\nWe collect your **name** and [email](mailto:a@b.example).\n- item one\n- item two\nSection\n=======\n\n";
        let text_page =
            "1. Data We Collect\nWe collect your name and\nwrapped address lines\nthat continue here.\n\nCONTACT\nWrite to us.\n";
        for (page, markdown) in [(markdown_page, true), (text_page, false)] {
            let input = page.repeat(3 * LINES_PER_THREAD / page.lines().count());
            let lines: Vec<&str> = input.lines().collect();
            assert!(half_at_empty_line(&lines) < lines.len(), "the page is cut in two");
            let mut whole = read_blocks(&lines, markdown);
            if !markdown {
                promote_plain_headings(&mut whole);
            }
            assert_eq!(extract_lines(&input, markdown).blocks, whole);
        }
    }

    #[test]
    fn numbering_forms() {
        assert_eq!(numbering_len("4.1 Information"), 3);
        assert_eq!(numbering_len("a) first"), 2);
        assert_eq!(numbering_len("(一)Specifically"), "(一)".len());
        assert_eq!(numbering_len("IV. Rights"), 3);
        assert_eq!(numbering_len("2018 was"), 4);
        assert_eq!(numbering_len("Words"), 0);
        assert_eq!(numbering_len("（二）我们"), "（二）".len());
        assert_eq!(numbering_len("一、我们如何收集"), "一、".len());
        assert_eq!(numbering_len("12、共享"), "12、".len());
        assert_eq!(numbering_len("第二条 共享"), "第二条".len());
        assert_eq!(numbering_len("제3조(개인정보의 처리)"), "제3조".len());
        assert_eq!(numbering_len("第一次"), 0);
        assert_eq!(numbering_len("一些"), 0);
    }
}

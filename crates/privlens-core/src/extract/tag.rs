//! The tag-level tokenizer of the HTML reader: tags with their attributes, forgiving of
//! broken markup, and finding where a raw-text element ends.

use super::decode_entities;

/// Byte position of `</name` at or after `from` (case-insensitive), or the input's end.
pub(super) fn find_close(input: &str, from: usize, name: &str) -> usize {
    let needle = format!("</{name}");
    let hay = &input.as_bytes()[from..];
    hay.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle.as_bytes())).map_or(input.len(), |p| from + p)
}

pub(super) fn skip_past_close(input: &str, close_at: usize, _name: &str) -> usize {
    input[close_at..].find('>').map_or(input.len(), |p| close_at + p + 1)
}

pub(super) struct Tag {
    pub(super) name: String,
    pub(super) closing: bool,
    pub(super) self_closing: bool,
    pub(super) attrs: Vec<(String, String)>,
    pub(super) len: usize,
}

impl Tag {
    pub(super) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// Parse a tag at the start of `s` (which begins with '<'); None when it is not a tag.
pub(super) fn parse_tag(s: &str) -> Option<Tag> {
    let bytes = s.as_bytes();
    let mut i = 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-' || bytes[i] == b':') {
        i += 1;
    }
    if i == name_start || !bytes[name_start].is_ascii_alphabetic() {
        return None;
    }
    let name = s[name_start..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        match bytes.get(i) {
            None => return Some(Tag { name, closing, self_closing, attrs, len: s.len() }),
            Some(b'>') => return Some(Tag { name, closing, self_closing, attrs, len: i + 1 }),
            Some(b'/') => {
                self_closing = bytes.get(i + 1) == Some(&b'>');
                i += 1;
                continue;
            }
            _ => {}
        }
        let key_start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        if i == key_start {
            i += 1;
            continue;
        }
        let key = s[key_start..i].to_ascii_lowercase();
        let mut value = String::new();
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            match bytes.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = s[i + 1..].find(q as char).map_or(s.len(), |p| i + 1 + p);
                    value = decode_entities(&s[i + 1..end]).into_owned();
                    i = (end + 1).min(s.len());
                }
                _ => {
                    let start = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = decode_entities(&s[start..i]).into_owned();
                }
            }
        }
        attrs.push((key, value));
    }
}
